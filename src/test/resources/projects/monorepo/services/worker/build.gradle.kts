plugins {
    kotlin("jvm") version "2.0.21"
    id("org.springframework.boot") version "3.4.0"
}

dependencies {
    implementation(platform("org.springframework.boot:spring-boot-dependencies:3.4.0"))
    implementation("org.springframework.boot:spring-boot-starter-actuator")
    implementation("com.fasterxml.jackson.module:jackson-module-kotlin:2.18.1")
    // implementation("org.commented:out:1.0")
    runtimeOnly("org.postgresql:postgresql")
    testImplementation("org.junit.jupiter:junit-jupiter:5.11.3")
    implementation(libs.guava)
}
