-- H2 hands out sequence values in blocks of 32 and forgets the rest of a block when the process is
-- killed: run numbers (job instance ids) jumped from 1 to 33 after a crash. One value at a time.
ALTER SEQUENCE BATCH_JOB_INSTANCE_SEQ NO CACHE;
ALTER SEQUENCE BATCH_JOB_EXECUTION_SEQ NO CACHE;
ALTER SEQUENCE BATCH_STEP_EXECUTION_SEQ NO CACHE;
