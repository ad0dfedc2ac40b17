"""Word lists the demo catalog is built from: subjects with their topics, tools and a code language.

Titles and descriptions are assembled from these with templates, so a generated course reads like a real
one ("Practical Decorators and Generators", "Kubernetes for Backend Developers"). A course is about the
topics its title names (every topic of a sample for a "{subject} for {audience}" survey); its lessons,
section titles and section bodies are about those topics, and name only tools that fit them (`tools_for`).
"""

from __future__ import annotations

from typing import NamedTuple


class Subject(NamedTuple):
    name: str
    initials: str
    language: str  # fence language of code samples
    topics: tuple[str, ...]
    tools: tuple[str, ...]


SUBJECTS: tuple[Subject, ...] = (
    Subject(
        "Python",
        "PY",
        "python",
        (
            "Functions",
            "Decorators",
            "Generators",
            "Async IO",
            "Type Hints",
            "Packaging",
            "Data Classes",
            "Testing with pytest",
            "Context Managers",
            "the Standard Library",
        ),
        ("VS Code", "Jupyter", "the Python REPL"),
    ),
    Subject(
        "Data Science",
        "DS",
        "python",
        (
            "Exploratory Data Analysis",
            "Data Cleaning",
            "Feature Engineering",
            "Statistical Inference",
            "Data Visualisation",
            "Time Series",
            "A/B Testing",
            "Dashboards",
        ),
        ("pandas", "NumPy", "Jupyter"),
    ),
    Subject(
        "Machine Learning",
        "ML",
        "python",
        (
            "Linear Models",
            "Decision Trees",
            "Gradient Boosting",
            "Model Evaluation",
            "Neural Networks",
            "Clustering",
            "Recommender Systems",
            "Model Deployment",
        ),
        ("scikit-learn", "Jupyter"),
    ),
    Subject(
        "Web Development",
        "WD",
        "javascript",
        (
            "HTML Semantics",
            "CSS Layout",
            "Responsive Design",
            "Accessibility",
            "Forms",
            "Web Performance",
            "Progressive Web Apps",
            "Browser APIs",
        ),
        ("Chrome DevTools", "VS Code"),
    ),
    Subject(
        "JavaScript",
        "JS",
        "javascript",
        (
            "Closures",
            "Promises",
            "Modules",
            "the Event Loop",
            "Array Methods",
            "Error Handling",
            "Iterators",
            "DOM Manipulation",
        ),
        ("Node.js", "Chrome DevTools", "ESLint"),
    ),
    Subject(
        "TypeScript",
        "TS",
        "typescript",
        (
            "Generics",
            "Type Narrowing",
            "Utility Types",
            "Declaration Files",
            "Strict Mode",
            "Discriminated Unions",
        ),
        ("tsc", "VS Code"),
    ),
    Subject(
        "React",
        "RE",
        "javascript",
        (
            "Components",
            "Hooks",
            "State Management",
            "Routing",
            "Forms",
            "Server Components",
            "Testing Components",
        ),
        ("Vite", "React DevTools"),
    ),
    Subject(
        "SQL and Databases",
        "DB",
        "sql",
        (
            "Joins",
            "Indexes",
            "Query Plans",
            "Transactions",
            "Window Functions",
            "Schema Design",
            "Normalisation",
            "Migrations",
        ),
        ("PostgreSQL", "SQLite", "MySQL"),
    ),
    Subject(
        "Cloud Computing",
        "CL",
        "bash",
        (
            "Virtual Networks",
            "Identity and Access",
            "Object Storage",
            "Serverless Functions",
            "Cost Management",
            "Autoscaling",
        ),
        ("AWS", "Azure", "Google Cloud", "Terraform"),
    ),
    Subject(
        "DevOps",
        "DO",
        "yaml",
        (
            "Continuous Integration",
            "Continuous Delivery",
            "Infrastructure as Code",
            "Monitoring",
            "Incident Response",
            "Release Engineering",
        ),
        ("GitHub Actions", "GitLab CI"),
    ),
    Subject(
        "Kubernetes",
        "K8",
        "yaml",
        ("Pods", "Deployments", "Services", "Networking", "Storage", "Helm Charts", "Operators", "Security"),
        ("kubectl", "minikube"),
    ),
    Subject(
        "Docker",
        "DK",
        "dockerfile",
        ("Images", "Multi-stage Builds", "Volumes", "Networking", "Compose", "Security Scanning"),
        ("the Docker CLI", "Podman"),
    ),
    Subject(
        "Linux",
        "LX",
        "bash",
        (
            "the Shell",
            "File Permissions",
            "Processes",
            "systemd",
            "Networking",
            "Shell Scripting",
            "Package Management",
        ),
        ("bash", "man pages"),
    ),
    Subject(
        "Cybersecurity",
        "CS",
        "bash",
        (
            "Threat Modelling",
            "Web Vulnerabilities",
            "Cryptography",
            "Network Defence",
            "Incident Handling",
            "Secure Coding",
        ),
        ("a home lab", "Kali Linux"),
    ),
    Subject(
        "Rust",
        "RS",
        "rust",
        (
            "Ownership",
            "Borrowing",
            "Lifetimes",
            "Traits",
            "Error Handling",
            "Concurrency",
            "Async Rust",
            "Macros",
        ),
        ("Cargo", "Clippy"),
    ),
    Subject(
        "Go",
        "GO",
        "go",
        ("Goroutines", "Channels", "Interfaces", "Error Handling", "Testing", "HTTP Servers", "Generics"),
        ("the go tool", "go vet"),
    ),
    Subject(
        "Java",
        "JV",
        "java",
        ("Collections", "Streams", "Concurrency", "the JVM", "Records", "Testing", "Spring Boot Basics"),
        ("IntelliJ", "Maven", "Gradle"),
    ),
    Subject(
        "C Programming",
        "C",
        "c",
        ("Pointers", "Memory Management", "Structs", "the Preprocessor", "File I/O", "Debugging"),
        ("gcc", "make"),
    ),
    Subject(
        "Algorithms",
        "AL",
        "python",
        (
            "Sorting",
            "Graph Search",
            "Dynamic Programming",
            "Greedy Algorithms",
            "Hashing",
            "Complexity Analysis",
            "Trees",
        ),
        ("Python", "LeetCode"),
    ),
    Subject(
        "Mobile Development",
        "MD",
        "kotlin",
        ("Layouts", "Navigation", "Offline Storage", "Push Notifications", "App Store Release", "Animations"),
        ("Android Studio", "Jetpack Compose", "SwiftUI", "Flutter"),
    ),
    Subject(
        "UX Design",
        "UX",
        "text",
        (
            "User Research",
            "Wireframing",
            "Prototyping",
            "Usability Testing",
            "Information Architecture",
            "Design Systems",
        ),
        ("Figma", "Miro"),
    ),
    Subject(
        "Product Management",
        "PM",
        "text",
        ("Roadmaps", "Discovery", "Prioritisation", "Metrics", "Stakeholder Management", "Writing Specs"),
        ("Notion", "Miro"),
    ),
    Subject(
        "Project Management",
        "PJ",
        "text",
        (
            "Scope and Planning",
            "Risk Management",
            "Agile Ceremonies",
            "Kanban",
            "Budgeting",
            "Retrospectives",
        ),
        ("Jira", "Trello"),
    ),
    Subject(
        "Digital Marketing",
        "MK",
        "text",
        (
            "Search Engine Optimisation",
            "Content Strategy",
            "Email Campaigns",
            "Paid Social",
            "Analytics",
            "Conversion Optimisation",
        ),
        ("Google Analytics", "Notion"),
    ),
    Subject(
        "Statistics",
        "ST",
        "r",
        (
            "Probability",
            "Distributions",
            "Hypothesis Testing",
            "Regression",
            "Bayesian Thinking",
            "Experimental Design",
        ),
        ("R", "Python", "spreadsheets"),
    ),
    Subject(
        "Excel and Spreadsheets",
        "XL",
        "text",
        ("Formulas", "Pivot Tables", "Lookups", "Charts", "Data Validation", "Automation with Macros"),
        ("Excel", "Google Sheets", "Power Query"),
    ),
    Subject(
        "Photography",
        "PH",
        "text",
        ("Exposure", "Composition", "Lighting", "Portraits", "Landscapes", "Editing Workflow"),
        ("a mirrorless camera", "a phone camera"),
    ),
    Subject(
        "Music Production",
        "MP",
        "text",
        ("Rhythm and Groove", "Mixing", "Sound Design", "Arrangement", "Mastering"),
        ("Ableton Live", "Logic Pro"),
    ),
    Subject(
        "Spanish",
        "ES",
        "text",
        (
            "Greetings",
            "Present Tense",
            "Past Tenses",
            "Travel Conversations",
            "Ordering Food",
            "Subjunctive Mood",
        ),
        ("Anki", "a language exchange app"),
    ),
    Subject(
        "Personal Finance",
        "PF",
        "text",
        ("Budgeting", "Saving", "Index Funds", "Debt Repayment", "Retirement Planning", "Taxes"),
        ("spreadsheets",),
    ),
    Subject(
        "Public Speaking",
        "SP",
        "text",
        ("Structure", "Storytelling", "Slides", "Nerves", "Q&A Sessions", "Voice and Pace"),
        ("PowerPoint", "Keynote"),
    ),
    Subject(
        "Game Development",
        "GD",
        "csharp",
        ("Game Loops", "Physics", "Level Design", "Shaders", "Input Handling", "Multiplayer Basics"),
        ("Unity", "Godot"),
    ),
)

# Tools that fit one topic better than the subject's general ones ("Gradient Boosting with XGBoost", not
# "Linear Models with XGBoost"); every other topic uses its subject's tools.
TOPIC_TOOLS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Python", "Async IO"): ("asyncio", "aiohttp"),
    ("Python", "Type Hints"): ("mypy", "pyright"),
    ("Python", "Packaging"): ("pip", "Poetry", "uv"),
    ("Python", "Testing with pytest"): ("pytest",),
    ("Data Science", "Data Visualisation"): ("matplotlib", "seaborn"),
    ("Data Science", "Dashboards"): ("Streamlit", "Plotly Dash"),
    ("Data Science", "Statistical Inference"): ("SciPy", "statsmodels"),
    ("Data Science", "A/B Testing"): ("SciPy", "statsmodels"),
    ("Machine Learning", "Gradient Boosting"): ("XGBoost", "LightGBM", "scikit-learn"),
    ("Machine Learning", "Neural Networks"): ("PyTorch", "Keras"),
    ("Machine Learning", "Model Deployment"): ("MLflow", "FastAPI", "Docker"),
    ("Machine Learning", "Model Evaluation"): ("scikit-learn", "MLflow"),
    ("Web Development", "CSS Layout"): ("Chrome DevTools", "Tailwind"),
    ("Web Development", "Responsive Design"): ("Chrome DevTools", "Tailwind"),
    ("Web Development", "Accessibility"): ("Lighthouse", "axe DevTools"),
    ("Web Development", "Web Performance"): ("Lighthouse", "Chrome DevTools"),
    ("Web Development", "Progressive Web Apps"): ("Lighthouse", "Workbox"),
    ("JavaScript", "Modules"): ("Node.js", "npm", "Vite"),
    ("TypeScript", "Declaration Files"): ("tsc", "DefinitelyTyped"),
    ("TypeScript", "Strict Mode"): ("tsc", "ESLint"),
    ("TypeScript", "Type Narrowing"): ("tsc", "Zod"),
    ("React", "State Management"): ("Redux", "Zustand"),
    ("React", "Routing"): ("React Router", "Next.js"),
    ("React", "Server Components"): ("Next.js",),
    ("React", "Testing Components"): ("Testing Library", "Vitest"),
    ("React", "Forms"): ("React Hook Form", "Zod"),
    ("SQL and Databases", "Migrations"): ("Alembic", "Flyway"),
    ("Cloud Computing", "Virtual Networks"): ("AWS", "Azure", "Terraform"),
    ("DevOps", "Continuous Delivery"): ("GitHub Actions", "Argo CD"),
    ("DevOps", "Infrastructure as Code"): ("Terraform", "Ansible"),
    ("DevOps", "Monitoring"): ("Prometheus", "Grafana"),
    ("DevOps", "Incident Response"): ("Grafana", "PagerDuty"),
    ("Kubernetes", "Helm Charts"): ("Helm",),
    ("Kubernetes", "Deployments"): ("kubectl", "Kustomize", "Argo CD"),
    ("Docker", "Multi-stage Builds"): ("BuildKit", "the Docker CLI"),
    ("Docker", "Compose"): ("Docker Compose",),
    ("Docker", "Security Scanning"): ("Trivy", "Docker Scout"),
    ("Linux", "Shell Scripting"): ("bash", "grep", "awk"),
    ("Linux", "Processes"): ("ps", "htop"),
    ("Linux", "systemd"): ("systemctl", "journalctl"),
    ("Linux", "Networking"): ("ip", "ss", "curl"),
    ("Linux", "Package Management"): ("apt", "dnf"),
    ("Cybersecurity", "Threat Modelling"): ("STRIDE", "OWASP Threat Dragon"),
    ("Cybersecurity", "Web Vulnerabilities"): ("Burp Suite", "OWASP ZAP"),
    ("Cybersecurity", "Cryptography"): ("OpenSSL",),
    ("Cybersecurity", "Network Defence"): ("Wireshark", "nmap"),
    ("Cybersecurity", "Secure Coding"): ("Semgrep", "Bandit"),
    ("Rust", "Async Rust"): ("Tokio",),
    ("Rust", "Macros"): ("Cargo", "cargo-expand"),
    ("Go", "Testing"): ("go test",),
    ("Go", "HTTP Servers"): ("net/http",),
    ("Go", "Goroutines"): ("the go tool", "pprof"),
    ("Java", "Testing"): ("JUnit", "Mockito"),
    ("Java", "the JVM"): ("VisualVM", "JDK Flight Recorder"),
    ("Java", "Spring Boot Basics"): ("Spring Initializr", "Maven"),
    ("C Programming", "Memory Management"): ("Valgrind", "AddressSanitizer"),
    ("C Programming", "Debugging"): ("gdb", "Valgrind"),
    ("UX Design", "Usability Testing"): ("Maze", "Figma"),
    ("UX Design", "Design Systems"): ("Figma", "Storybook"),
    ("Product Management", "Roadmaps"): ("Jira", "Productboard"),
    ("Product Management", "Metrics"): ("Amplitude", "Mixpanel"),
    ("Project Management", "Budgeting"): ("spreadsheets", "MS Project"),
    ("Project Management", "Retrospectives"): ("Miro", "Trello"),
    ("Digital Marketing", "Search Engine Optimisation"): ("Search Console", "Ahrefs"),
    ("Digital Marketing", "Email Campaigns"): ("Mailchimp",),
    ("Digital Marketing", "Paid Social"): ("Meta Ads Manager", "LinkedIn Campaign Manager"),
    ("Digital Marketing", "Conversion Optimisation"): ("Google Analytics", "Hotjar"),
    ("Excel and Spreadsheets", "Automation with Macros"): ("Excel VBA", "Apps Script"),
    ("Excel and Spreadsheets", "Lookups"): ("Excel", "Google Sheets", "Power Query"),
    ("Photography", "Editing Workflow"): ("Lightroom", "Photoshop"),
    ("Music Production", "Sound Design"): ("synthesisers", "Ableton Live"),
    ("Music Production", "Mastering"): ("Logic Pro", "iZotope Ozone"),
    ("Game Development", "Shaders"): ("Unity Shader Graph", "Godot"),
    ("Game Development", "Level Design"): ("Unity", "Godot", "Blender"),
}


def tools_for(subject: Subject, topic: str) -> tuple[str, ...]:
    """The tools a course, lesson or section on `topic` may name."""
    return TOPIC_TOOLS.get((subject.name, topic), subject.tools)


LEVEL_WORDS = {
    "beginner": ("Introduction to", "Getting Started with", "Foundations of", "A First Course in", "Hello,"),
    "intermediate": ("Practical", "Hands-on", "Applied", "Building with", "Effective"),
    "advanced": ("Advanced", "Mastering", "Deep Dive into", "Expert", "Production-grade"),
}
# who a "{subject} for {audience}" course is for: programmers for code subjects, anyone for the others
AUDIENCES = (
    "Beginners",
    "Busy Professionals",
    "Students",
    "Career Changers",
    "Backend Developers",
    "Data Analysts",
    "Team Leads",
    "Self-taught Programmers",
    "Engineers",
)
GENERAL_AUDIENCES = (
    "Beginners",
    "Busy Professionals",
    "Students",
    "Career Changers",
    "Team Leads",
    "Everyone",
)


def audiences_for(subject: Subject) -> tuple[str, ...]:
    return GENERAL_AUDIENCES if subject.language == "text" else AUDIENCES


def lower_topic(topic: str) -> str:
    """A topic inside a sentence: lower case, except acronyms ("HTML Semantics" -> "HTML semantics")."""
    return " ".join(w if sum(ch.isupper() for ch in w) > 1 else w.lower() for w in topic.split())


TITLE_TEMPLATES = (
    "{level} {topic}",
    "{level} {subject}: {topic}",
    "{topic} in {subject}",
    "{topic} with {tool}",
    "{subject} for {audience}",
    "{level} {topic} and {topic2}",
    "{topic}: A Practical Guide",
    "{subject} Bootcamp: {topic} to {topic2}",
    "The Complete Guide to {topic}",
    "{topic} Essentials",
)
DESCRIPTION_OPENERS = (
    "Learn {topic_l} step by step, from the first idea to confident everyday use.",
    "{a_level} course on {topic_l} in {subject}, built around short lessons and real exercises.",
    "Understand how {topic_l} really works and when to reach for {tool}.",
    "This course takes you through {topic_l} and {topic2_l} with worked examples.",
    "Get confident with {topic_l}: clear explanations, small projects and quick quizzes.",
)
DESCRIPTION_MIDDLES = (
    "You will practise with {tool}, build a small project and review common mistakes.",
    "Each lesson ends with an exercise, and the final project ties {topic_l} to {topic2_l}.",
    "Along the way you will compare approaches, read real examples and measure the results.",
    "We cover the essentials first, then move on to {topic2_l} and the habits experts rely on.",
)
DESCRIPTION_CLOSERS = (
    "Ideal for {audience_l}.",
    "Made for {audience_l} who want results they can use at work.",
    "No prior experience with {topic_l} is needed.",
    "Expect about {hours} hours of focused learning.",
)
# A course's lessons, in the order a course would take them; every one is about the lesson's topic, so a
# course's lessons stay on the topics its title names.
LESSON_PATTERNS = (
    "Getting started with {topic}",
    "Core ideas of {topic}",
    "{topic} step by step",
    "Planning your approach to {topic}",
    "{topic} in practice",
    "Using {tool} for {topic}",
    "Habits that make {topic} easier",
    "Common mistakes with {topic}",
    "Troubleshooting {topic}",
    "Case study: {topic} in the real world",
    "Project: {topic} end to end",
    "Going further with {topic}",
    "Review: {topic}",
)
# Section titles by type; each list is at least as long as the longest lesson (8 sections), so a lesson
# never repeats a title. {topic} is the lesson's topic and {tool} one of that topic's tools.
SECTION_PATTERNS = {
    "text": (
        "Why learn {topic}",
        "Key concepts of {topic}",
        "Inside {topic}",
        "A worked example of {topic}",
        "Reference notes on {topic}",
        "Terms to know in {topic}",
        "{topic} at a glance",
        "Summary: {topic}",
        "{topic} in context",
    ),
    "video": (
        "Walkthrough: {topic}",
        "Demo: {topic} with {tool}",
        "{topic} explained",
        "Setting up {tool}",
        "An expert on {topic}",
        "Video recap: {topic}",
        "{topic} from scratch",
        "A tour of {tool}",
    ),
    "quiz": (
        "Quiz: {topic}",
        "Check your understanding of {topic}",
        "Quick review: {topic}",
        "Self-test on {topic}",
        "Quiz: key terms of {topic}",
        "Quiz: {topic} with {tool}",
        "Knowledge check: {topic}",
        "Recap quiz: {topic}",
    ),
    "exercise": (
        "Exercise: {topic}",
        "Practice {topic} with {tool}",
        "Mini project: {topic}",
        "Challenge: {topic}",
        "Guided practice: {topic}",
        "Try {topic} yourself",
        "Exercise: {topic} with {tool}",
        "Hands-on: {topic}",
    ),
}
