package cl.sernac.cifras;

import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages follow the data, each using only those below it: the entry points, the
 * job's wiring, the demo, the report, admission of files, aggregating, merging (the
 * counting rules), staging, normalizing, reading (profiles and CSV), the ledger of files
 * and, at the bottom, what every stage may use. A class that imports from a package above
 * its own, or a cycle between packages, fails the build.
 */
class PackageLayoutTests {

	/** Top to bottom; the first entry is the root package with the application. */
	static final List<String> LAYERS = List.of("", "check", "system", "demo", "report", "admission", "aggregate",
			"merge", "staging", "normalize", "reading", "ledger", "support");

	private static final String ROOT = "cl.sernac.cifras";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void everyPackageIsALayer() {
		ArchRule rule = classes().should(new ArchCondition<>("be in one of the layers " + LAYERS) {

			@Override
			public void check(JavaClass item, ConditionEvents events) {
				if (layer(item) < 0) {
					events.add(SimpleConditionEvent.violated(item, item.getName() + " is in no layer"));
				}
			}

		});
		rule.check(this.classes);
	}

	@Test
	void noPackageImportsFromAPackageAboveIt() {
		ArchRule rule = classes().should(new ArchCondition<>("depend only on their own layer and those below it") {

			@Override
			public void check(JavaClass item, ConditionEvents events) {
				int own = layer(item);
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					int other = layer(target);
					if (own >= 0 && other >= 0 && other < own) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + " ("
								+ LAYERS.get(own) + " uses " + LAYERS.get(other) + ", which is above it)"));
					}
				}
			}

		});
		rule.check(this.classes);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void theApplicationHoldsNoBenchmarkCode() {
		noClasses().should().resideInAPackage(ROOT + ".bench..").check(this.classes);
	}

	/** The layer of a class of the application, or -1 for a class of a library. */
	static int layer(JavaClass type) {
		String name = type.getPackageName();
		if (name.equals(ROOT)) {
			return 0;
		}
		if (!name.startsWith(ROOT + ".")) {
			return -1;
		}
		String first = name.substring(ROOT.length() + 1).split("\\.")[0];
		return LAYERS.indexOf(first);
	}

}
