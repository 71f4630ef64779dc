package io.b2bhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.elements.GivenMethodsConjunction;
import io.b2bhub.partners.RequiresScope;
import io.b2bhub.platform.AuthenticatedBySignature;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency table of the design: capabilities depend downwards, never up or sideways. */
class ArchitectureTest {
  private static JavaClasses hub;

  @BeforeAll
  static void importClasses() {
    hub =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.b2bhub");
  }

  @Test
  void capabilitiesDependOnlyOnWhatTheDesignAllows() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("io.b2bhub..")
        .withOptionalLayers(true)
        .layer("platform")
        .definedBy("io.b2bhub.platform..")
        .layer("partners")
        .definedBy("io.b2bhub.partners..")
        .layer("erp")
        .definedBy("io.b2bhub.erp..")
        .layer("events")
        .definedBy("io.b2bhub.events..")
        .layer("api")
        .definedBy("io.b2bhub.api..")
        .layer("webhooks")
        .definedBy("io.b2bhub.webhooks..")
        .layer("files")
        .definedBy("io.b2bhub.files..")
        .layer("edi")
        .definedBy("io.b2bhub.edi..")
        .layer("ops")
        .definedBy("io.b2bhub.ops..")
        .layer("webshop")
        .definedBy("io.b2bhub.webshop..")
        .whereLayer("platform")
        .mayOnlyBeAccessedByLayers(
            "partners", "erp", "events", "api", "webhooks", "files", "edi", "ops", "webshop")
        .whereLayer("partners")
        .mayOnlyBeAccessedByLayers("events", "api", "webhooks", "files", "edi", "ops")
        .whereLayer("erp")
        .mayOnlyBeAccessedByLayers("ops")
        .whereLayer("events")
        .mayOnlyBeAccessedByLayers("api", "webhooks", "files", "edi", "ops")
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("ops")
        .whereLayer("webhooks")
        .mayOnlyBeAccessedByLayers("ops")
        .whereLayer("files")
        .mayOnlyBeAccessedByLayers("edi", "ops")
        .whereLayer("edi")
        .mayOnlyBeAccessedByLayers("ops")
        .whereLayer("ops")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("webshop")
        .mayNotBeAccessedByAnyLayer()
        .check(hub);
  }

  @Test
  void platformUsesNoCapability() {
    noClasses()
        .that()
        .resideInAPackage("io.b2bhub.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.b2bhub.partners..",
            "io.b2bhub.api..",
            "io.b2bhub.events..",
            "io.b2bhub.erp..",
            "io.b2bhub.webhooks..",
            "io.b2bhub.files..",
            "io.b2bhub.edi..",
            "io.b2bhub.ops..",
            "io.b2bhub.webshop..")
        .check(hub);
  }

  @Test
  void everyResourceMethodIsEitherForOperatorsOrNamesItsPartnerScope() {
    resourceMethods().should(beGuarded()).check(hub);
  }

  @Test
  void everyResourceMethodBindsEachParameterOfItsPath() {
    resourceMethods().should(bindEveryPathParameter()).check(hub);
  }

  private static GivenMethodsConjunction resourceMethods() {
    return methods()
        .that()
        .areAnnotatedWith(GET.class)
        .or()
        .areAnnotatedWith(POST.class)
        .or()
        .areAnnotatedWith(PUT.class)
        .or()
        .areAnnotatedWith(DELETE.class)
        .or()
        .areAnnotatedWith(PATCH.class);
  }

  /** An unbound {name} is invalid OpenAPI: the server logs CWWKO1650E and tools reject it. */
  private static ArchCondition<JavaMethod> bindEveryPathParameter() {
    return new ArchCondition<>("declare a @PathParam for every {name} in its @Path") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Method reflected = method.reflect();
        String template =
            pathOf(reflected.getDeclaringClass().getAnnotation(Path.class))
                + pathOf(reflected.getAnnotation(Path.class));
        Set<String> bound =
            Arrays.stream(reflected.getParameters())
                .map(p -> p.getAnnotation(PathParam.class))
                .filter(Objects::nonNull)
                .map(PathParam::value)
                .collect(Collectors.toSet());
        Matcher names = PATH_PARAMETER.matcher(template);
        while (names.find()) {
          if (!bound.contains(names.group(1))) {
            events.add(
                SimpleConditionEvent.violated(
                    method, method.getFullName() + " does not bind {" + names.group(1) + "}"));
          }
        }
      }
    };
  }

  private static final Pattern PATH_PARAMETER =
      Pattern.compile("\\{\\s*([\\w.-]+)\\s*(?::[^}]*)?}");

  private static String pathOf(Path path) {
    return path == null ? "" : path.value();
  }

  private static ArchCondition<JavaMethod> beGuarded() {
    return new ArchCondition<>(
        "be annotated @RolesAllowed, @RequiresScope (or its class) or @AuthenticatedBySignature") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        // REST client interfaces (outbound calls) carry the same annotations but serve nothing.
        boolean guarded =
            method.getOwner().isInterface()
                || method.isAnnotatedWith(RolesAllowed.class)
                || method.isAnnotatedWith(RequiresScope.class)
                || method.isAnnotatedWith(AuthenticatedBySignature.class)
                || method.getOwner().isAnnotatedWith(RolesAllowed.class)
                || method.getOwner().isAnnotatedWith(RequiresScope.class);
        if (!guarded) {
          events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is unguarded"));
        }
      }
    };
  }
}
