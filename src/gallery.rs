//! The example gallery: every Job of the source documents and the documentation's
//! policy examples, each as a scenario file under `examples/` with a title and a
//! sentence of what to watch for, in English and Korean (Scenario annotations
//! `title`, `title-ko`, `description`, `description-ko`). Share links name them
//! with `example=NAME`.

use crate::scenario::ScenarioFile;

/// One gallery entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! examples {
    ($($name:literal),+ $(,)?) => {
        &[$(Example { name: $name, text: include_str!(concat!("../examples/", $name, ".yaml")) }),+]
    };
}

/// The gallery, in the order the page lists it.
pub const EXAMPLES: &[Example] = examples![
    "pi",
    "parallel",
    "indexed-job",
    "consumers",
    "oneshot",
    "backoff",
    "backoff-limit",
    "pi-with-timeout",
    "pi-with-ttl",
    "suspend-resume",
    "pod-failure-policy-failjob",
    "pod-failure-policy-ignore",
    "pod-failure-policy-config-issue",
    "backoff-limit-per-index",
    "backoff-limit-per-index-failindex",
    "success-policy",
    "replacement-policy",
    "managed-by",
    "cronjob-hello",
    "workshop-backoff-limit",
    "workshop-parallelism",
];

/// Find an example by name.
pub fn get(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name == name)
}

/// Title and description of an example in a language (`en` or `ko`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Info {
    pub title: String,
    pub description: String,
}

impl Example {
    /// Read the title and description from the Scenario's annotations.
    pub fn info(&self, lang: &str) -> Info {
        let annotation = |key: &str| -> Option<String> {
            // A light scan: the annotations are single-line quoted strings.
            let needle = format!("    {key}: \"");
            let start = self.text.find(&needle)? + needle.len();
            let end = self.text[start..].find('"')? + start;
            Some(self.text[start..end].to_string())
        };
        let (t, d) = if lang.starts_with("ko") {
            ("title-ko", "description-ko")
        } else {
            ("title", "description")
        };
        Info {
            title: annotation(t)
                .or_else(|| annotation("title"))
                .unwrap_or_else(|| self.name.to_string()),
            description: annotation(d)
                .or_else(|| annotation("description"))
                .unwrap_or_default(),
        }
    }

    pub fn parse(&self) -> Result<ScenarioFile, crate::scenario::file::InputError> {
        ScenarioFile::parse(self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::Cluster;

    #[test]
    fn every_example_validates_runs_and_explains_itself() {
        for e in EXAMPLES {
            let file = e
                .parse()
                .unwrap_or_else(|err| panic!("{}: {}", e.name, err.message));
            let mut c = Cluster::new(&file);
            c.run_to_end();
            assert!(c.halted.is_none(), "{}", e.name);
            for lang in ["en", "ko"] {
                let i = e.info(lang);
                assert!(
                    !i.title.is_empty() && i.title != e.name,
                    "{} {lang} title",
                    e.name
                );
                assert!(i.description.len() > 20, "{} {lang} description", e.name);
            }
            assert_ne!(
                e.info("en").title,
                e.info("ko").title,
                "{} has a Korean title",
                e.name
            );
        }
        assert_eq!(EXAMPLES.len(), 21);
        assert!(get("pi").is_some() && get("nope").is_none());
    }

    /// The workshop examples' checks fail on the text as given and hold once the
    /// step's change is made: a walk-through that passes before the person does
    /// anything, or that no change can pass, would teach nothing.
    #[test]
    fn workshop_checks_fail_as_given_and_pass_after_the_change() {
        use crate::scenario::walkthrough::check_steps;
        let verdicts = |text: &str| {
            let file = ScenarioFile::parse(text).expect("valid");
            let mut c = Cluster::new(&file);
            c.run_to_end();
            let run = crate::view::json::run_json(&c);
            check_steps(&file.scenario.spec.walkthrough, &run)
        };
        let passed = |v: &[crate::scenario::walkthrough::Verdict]| v.iter().all(|x| x.passed);
        for (name, from, to, step) in [
            (
                "workshop-backoff-limit",
                "backoffLimit: 1",
                "backoffLimit: 2",
                2,
            ),
            (
                "workshop-parallelism",
                "parallelism: 1",
                "parallelism: 3",
                1,
            ),
        ] {
            let e = get(name).expect(name);
            let before = verdicts(e.text);
            assert!(
                !before[step].is_empty() && !passed(&before[step]),
                "{name} as given"
            );
            let after = verdicts(&e.text.replace(from, to));
            assert!(passed(&after[step]), "{name} with {to}: {:?}", after[step]);
            // Steps without checks have no verdicts.
            assert!(before[0].is_empty());
        }
        // Every pause is within its run, so the walk-through does stop there.
        for e in EXAMPLES {
            let file = e.parse().unwrap();
            let mut c = Cluster::new(&file);
            c.run_to_end();
            for (i, s) in file.scenario.spec.walkthrough.iter().enumerate() {
                if let Some(at) = s.at {
                    assert!(
                        at.0 * 1000.0 <= c.now.0 as f64,
                        "{} step {i}: at {} is after the end, {:?}",
                        e.name,
                        at.0,
                        c.now
                    );
                }
            }
        }
        // Two rounds are not enough for the parallelism workshop.
        let two = verdicts(
            &get("workshop-parallelism")
                .unwrap()
                .text
                .replace("parallelism: 1", "parallelism: 2"),
        );
        assert!(!passed(&two[1]));
    }

    #[test]
    fn the_shared_examples_are_all_in_the_gallery() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/examples");
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let name = e
                    .file_name()
                    .to_string_lossy()
                    .trim_end_matches(".yaml")
                    .to_string();
                if name.ends_with(".md") || name == "README" {
                    continue;
                }
                assert!(
                    get(&name).is_some(),
                    "shared example {name} is missing from the gallery"
                );
            }
        }
    }
}
