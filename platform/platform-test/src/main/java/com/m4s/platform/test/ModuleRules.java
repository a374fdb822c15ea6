package com.m4s.platform.test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The module boundaries of a service, as rules over its compiled classes (decision 0018). A service's root package
 * (e.g. {@code com.m4s.store}) holds one package per feature; each rule is a way features or layers leak into each
 * other:
 * <ol>
 * <li>a feature uses another feature only through the public types of that feature's root package, never its
 * sub-packages, repositories, entities or controllers;</li>
 * <li>controllers never use a repository (they call their feature's service);</li>
 * <li>{@code @Value} only in configuration classes (everything else takes {@code @ConfigurationProperties}
 * records);</li>
 * <li>no threads or pools made by hand ({@code new Thread}, {@code Thread.ofVirtual()}, {@code Executors},
 * {@code ThreadPoolExecutor}, {@code ThreadPoolTaskExecutor}, ...) anywhere in a service, its configuration included:
 * background work goes through platform code that carries the tenant and stops with the application.</li>
 * </ol>
 * Each service runs them in its {@code ModularityTest}; {@code ModuleRulesTest} shows each rule failing on a planted
 * violation.
 */
public final class ModuleRules {

    private static final String REPOSITORY = "org.springframework.data.repository.Repository";
    private static final Set<String> ENTITY = Set.of("jakarta.persistence.Entity", "jakarta.persistence.Embeddable",
            "jakarta.persistence.MappedSuperclass");
    private static final Set<String> CONTROLLER = Set.of("org.springframework.web.bind.annotation.RestController",
            "org.springframework.stereotype.Controller");
    private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
    private static final String HIDDEN = "io.swagger.v3.oas.annotations.Hidden";
    private static final String VALUE = "org.springframework.beans.factory.annotation.Value";
    private static final Set<String> THREAD_MAKERS = Set.of("java.util.concurrent.Executors",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ForkJoinPool",
            "org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor",
            "org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler",
            "org.springframework.core.task.SimpleAsyncTaskExecutor");

    private final String root;
    private final Set<String> threadMakersAllowed;

    private ModuleRules(String root, Set<String> threadMakersAllowed) {
        this.root = root;
        this.threadMakersAllowed = threadMakersAllowed;
    }

    /** The rules for the features under {@code root} (one package per feature below it). */
    public static ModuleRules forFeaturesUnder(String root) {
        return new ModuleRules(root, Set.of());
    }

    /**
     * These classes (fully qualified names) may still make their own threads; each exception names a class that is
     * about to move onto platform code, so the list only shrinks.
     */
    public ModuleRules allowingThreadsIn(String... classNames) {
        return new ModuleRules(root, Set.of(classNames));
    }

    /** The service's production classes (not its tests). */
    public JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    public List<ArchRule> rules() {
        return List.of(featuresUseEachOtherOnlyThroughTheirRootPackage(), controllersDoNotUseRepositories(),
                valueOnlyInConfiguration(), noHandMadeThreads(), apiTypesHaveUniqueSimpleNames());
    }

    /** Fails with every violation of every rule in {@code classes}. */
    public void check(JavaClasses classes) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules()) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    public ArchRule featuresUseEachOtherOnlyThroughTheirRootPackage() {
        return ArchRuleDefinition.classes().that(inAFeature())
                .should(new ArchCondition<>("use another feature only through public types of its root package that"
                        + " are no repository, entity or controller") {
                    @Override
                    public void check(JavaClass source, ConditionEvents events) {
                        String own = feature(source);
                        for (Dependency d : source.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass().getBaseComponentType();
                            String other = feature(target);
                            if (other == null || other.equals(own)) {
                                continue;
                            }
                            String wrong = internal(target, other);
                            if (wrong != null) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": " + wrong));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    public ArchRule controllersDoNotUseRepositories() {
        return ArchRuleDefinition.noClasses().that(inAFeature()).and(annotatedWithAny(CONTROLLER))
                .should().dependOnClassesThat().areAssignableTo(REPOSITORY)
                .because("a controller calls its feature's service, which owns the transaction and the checks")
                .allowEmptyShould(true);
    }

    public ArchRule valueOnlyInConfiguration() {
        return ArchRuleDefinition.classes().that(inAFeature()).and(DescribedPredicate.not(configuration()))
                .should(new ArchCondition<>("not use @Value (take a @ConfigurationProperties record)") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (JavaField f : c.getFields()) {
                            if (f.isAnnotatedWith(VALUE)) {
                                events.add(SimpleConditionEvent.violated(f, f.getFullName() + " is @Value"));
                            }
                        }
                        for (JavaCodeUnit u : c.getCodeUnits()) {
                            if (u.isAnnotatedWith(VALUE)) {
                                events.add(SimpleConditionEvent.violated(u, u.getFullName() + " is @Value"));
                            }
                            for (JavaParameter p : u.getParameters()) {
                                if (p.isAnnotatedWith(VALUE)) {
                                    events.add(SimpleConditionEvent.violated(u,
                                            u.getFullName() + " takes a @Value parameter"));
                                }
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    public ArchRule noHandMadeThreads() {
        return ArchRuleDefinition.classes().that(inAFeature())
                .and(DescribedPredicate.describe("not allowed by name",
                        (JavaClass c) -> !threadMakersAllowed.contains(outermost(c).getName())))
                .should(new ArchCondition<>("not make threads or thread pools (background work goes through"
                        + " platform code)") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            if (THREAD_MAKERS.contains(d.getTargetClass().getName())) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                        for (JavaAccess<?> a : c.getAccessesFromSelf()) {
                            if (a.getTargetOwner().isAssignableTo(Thread.class) && startsAThread(a)) {
                                events.add(SimpleConditionEvent.violated(a, a.getDescription()));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    /**
     * The API document (springdoc) names a schema by the simple name of its class, nested or not: two types of the
     * service's API with the same simple name (say {@code CardViews.CardView} and {@code DashboardViews.CardView}) make
     * one schema silently replace the other, and the web UI's generated types go wrong. Every type of the service's
     * own packages that a controller's handler takes or answers, directly or inside another, must have a simple name
     * no other such type has. Enums are written inline (no schema of their own), and controllers or handlers left out
     * of the document ({@code @Hidden}) do not count.
     */
    public ArchRule apiTypesHaveUniqueSimpleNames() {
        return ArchRuleDefinition.classes().that(inAFeature()).and(annotatedWithAny(CONTROLLER))
                .and(DescribedPredicate.describe("in the API document", (JavaClass c) -> !c.isAnnotatedWith(HIDDEN)))
                .should(new ArchCondition<>("take and answer only types whose simple names no other API type has"
                        + " (the API document names schemas by simple name)") {
                    private final Map<String, Set<Class<?>>> byName = new HashMap<>();

                    @Override
                    public void init(Collection<JavaClass> controllers) {
                        for (JavaClass controller : controllers) {
                            for (Class<?> type : apiTypes(controller.reflect())) {
                                byName.computeIfAbsent(type.getSimpleName(),
                                        n -> new TreeSet<>(Comparator.comparing(Class::getName))).add(type);
                            }
                        }
                    }

                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        for (Class<?> type : apiTypes(controller.reflect())) {
                            Set<Class<?>> same = byName.getOrDefault(type.getSimpleName(), Set.of());
                            if (same.size() > 1) {
                                events.add(SimpleConditionEvent.violated(controller, controller.getName() + " uses "
                                        + type.getName() + ", whose schema name " + type.getSimpleName()
                                        + " is also the name of " + same.stream().filter(t -> t != type)
                                                .map(Class::getName).collect(Collectors.joining(", "))));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    /** The service's own types a controller's handlers take or answer, and the types inside those. */
    private Set<Class<?>> apiTypes(Class<?> controller) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Method method : controller.getDeclaredMethods()) {
            if (isHandler(method) && !annotatedWith(method, HIDDEN)) {
                collect(method.getGenericReturnType(), found);
                for (Type parameter : method.getGenericParameterTypes()) {
                    collect(parameter, found);
                }
            }
        }
        return found;
    }

    private static boolean annotatedWith(Method method, String annotation) {
        for (Annotation a : method.getAnnotations()) {
            if (a.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHandler(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("org.springframework.web.bind.annotation.") && name.endsWith("Mapping")) {
                return true;
            }
        }
        return false;
    }

    private void collect(Type type, Set<Class<?>> found) {
        switch (type) {
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), found);
            case Class<?> c -> {
                if (!c.getName().startsWith(root + ".") || c.isEnum() || !found.add(c)) {
                    return;
                }
                if (c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        collect(component.getGenericType(), found);
                    }
                } else {
                    for (java.lang.reflect.Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers())) {
                            collect(field.getGenericType(), found);
                        }
                    }
                }
            }
            case ParameterizedType p -> {
                collect(p.getRawType(), found);
                for (Type argument : p.getActualTypeArguments()) {
                    collect(argument, found);
                }
            }
            case GenericArrayType a -> collect(a.getGenericComponentType(), found);
            case WildcardType w -> {
                for (Type bound : w.getUpperBounds()) {
                    collect(bound, found);
                }
            }
            case TypeVariable<?> v -> {
                for (Type bound : v.getBounds()) {
                    collect(bound, found);
                }
            }
            default -> {
            }
        }
    }

    private static boolean startsAThread(JavaAccess<?> access) {
        String name = access.getName();
        return name.equals("<init>") || name.equals("ofVirtual") || name.equals("ofPlatform")
                || name.equals("startVirtualThread");
    }

    /** Why {@code target} (of feature {@code other}) is not for other features, or null if it is. */
    private @Nullable String internal(JavaClass target, String other) {
        if (!target.getPackageName().equals(root + "." + other)) {
            return target.getName() + " is inside feature '" + other + "', not in its root package";
        }
        if (!target.getModifiers().contains(JavaModifier.PUBLIC)) {
            return target.getName() + " is not public";
        }
        if (target.isAssignableTo(REPOSITORY)) {
            return target.getName() + " is a repository of feature '" + other + "'";
        }
        if (ENTITY.stream().anyMatch(target::isAnnotatedWith)) {
            return target.getName() + " is an entity of feature '" + other + "'";
        }
        if (CONTROLLER.stream().anyMatch(target::isAnnotatedWith)) {
            return target.getName() + " is a controller of feature '" + other + "'";
        }
        return null;
    }

    /** The feature a class belongs to: the package right below the root; null for the root and foreign classes. */
    private @Nullable String feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private DescribedPredicate<JavaClass> inAFeature() {
        return DescribedPredicate.describe("are in a feature of " + root, (JavaClass c) -> feature(c) != null);
    }

    private static DescribedPredicate<JavaClass> annotatedWithAny(Set<String> annotations) {
        return DescribedPredicate.describe("are controllers",
                (JavaClass c) -> annotations.stream().anyMatch(c::isAnnotatedWith));
    }

    private static DescribedPredicate<JavaClass> configuration() {
        return DescribedPredicate.describe("configuration classes", (JavaClass c) -> {
            JavaClass outer = outermost(c);
            return outer.isAnnotatedWith(CONFIGURATION) || outer.isMetaAnnotatedWith(CONFIGURATION);
        });
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
