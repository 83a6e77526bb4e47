//! Hostile input: alias bombs, deep nesting, megabytes of text, numbers past the field's
//! range, binary junk. Each must be refused (or accepted) with a clear message naming
//! the problem and its line, never a panic, and quickly: nothing here may expand or
//! walk the input more than a few times.

use jobplay::scenario::ScenarioFile;

fn err(text: &str) -> jobplay::scenario::file::InputError {
    match ScenarioFile::parse(text) {
        Ok(_) => panic!("accepted: {}", &text[..text.len().min(200)]),
        Err(e) => e,
    }
}

const HEAD: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n";
const POD: &str = "  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n";

/// A billion-laughs document: nine levels of nine aliases each.
fn laughs(indent: &str) -> String {
    let mut s = format!("{indent}l0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..9 {
        let refs = vec![format!("*l{}", i - 1); 9].join(",");
        s.push_str(&format!("{indent}l{i}: &l{i} [{refs}]\n"));
    }
    s
}

#[test]
fn alias_bomb_in_an_opaque_field_is_refused_at_its_line() {
    let text = format!(
        "{HEAD}  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n      affinity:\n{}",
        laughs("        ")
    );
    let e = err(&text);
    assert!(
        e.message
            .contains("the document expands aliases too many times (a YAML alias bomb?): refused"),
        "{}",
        e.message
    );
    assert!(e.message.starts_with("line "), "{}", e.message);
}

#[test]
fn alias_bomb_under_unknown_fields_is_refused_before_decoding() {
    // kubectl converts YAML to JSON (expanding aliases) before strict decoding, so the
    // alias bomb is refused first, at the line of its first alias.
    let text = format!("{HEAD}{POD}{}", laughs(""));
    let e = err(&text);
    assert!(e.message.contains("alias bomb"), "{}", e.message);
    assert!(e.message.starts_with("line "), "{}", e.message);
}

#[test]
fn alias_bomb_in_a_scenario_patch_is_refused() {
    let text = format!(
        "{HEAD}{POD}---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n  actions:\n  - at: 1\n    patch:\n{}",
        laughs("      ")
    );
    let e = err(&text);
    assert!(e.message.contains("alias bomb"), "{}", e.message);
}

#[test]
fn deep_flow_nesting_is_refused() {
    let text = format!(
        "{HEAD}  parallelism: {}{}\n{POD}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let e = err(&text);
    assert!(
        e.message
            .ends_with("nesting deeper than 100 levels is not accepted"),
        "{}",
        e.message
    );
    assert_eq!(e.diagnostics[0].line, Some(6));
}

#[test]
fn deep_block_nesting_is_refused_without_a_huge_path() {
    let mut text = format!("{HEAD}  template:\n    spec:\n      affinity:\n");
    for i in 0..400 {
        text.push_str(&" ".repeat(8 + 2 * i));
        text.push_str("a:\n");
    }
    let e = err(&text);
    assert!(
        e.message
            .ends_with(": nesting deeper than 100 levels is not accepted"),
        "{}",
        e.message
    );
    assert!(e.message.len() < 200);
}

#[test]
fn deep_block_sequences_are_refused() {
    let mut text = format!("{HEAD}  template:\n    spec:\n      tolerations:\n");
    for i in 0..400 {
        text.push_str(&" ".repeat(6 + 2 * i));
        text.push_str("-\n");
    }
    let e = err(&text);
    assert!(
        e.message.contains("nesting deeper than 100 levels"),
        "{}",
        e.message
    );
}

#[test]
fn more_than_three_mebibytes_is_refused_before_parsing() {
    let text = format!("{HEAD}{POD}# {}\n", "x".repeat(3 * 1024 * 1024));
    let e = err(&text);
    assert!(
        e.message
            .starts_with("Request entity too large: limit is 3145728 (the file has "),
        "{}",
        e.message
    );
}

#[test]
fn megabytes_of_valid_text_are_accepted() {
    let arg = "x".repeat(3 * 1024 * 1024 - 400);
    let text = format!(
        "{HEAD}  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n        args: [\"{arg}\"]\n"
    );
    assert!(ScenarioFile::parse(&text).is_ok());
}

#[test]
fn a_megabyte_name_gets_the_length_errors() {
    let name = "a".repeat(1024 * 1024);
    let text = format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {name}\nspec:\n{POD}");
    let e = err(&text);
    assert!(
        e.message.contains("metadata.name: Invalid value: "),
        "start"
    );
    assert!(e
        .message
        .contains("\": must be no more than 253 characters"));
    assert!(e.message.contains("\": must be no more than 63 characters"));
}

#[test]
fn numbers_past_the_field_type_get_go_s_decoding_message() {
    let cases = [
        ("parallelism: 3000000000", "json: cannot unmarshal number 3000000000 into Go struct field JobSpec.spec.parallelism of type int32"),
        ("parallelism: -2147483649", "json: cannot unmarshal number -2147483649 into Go struct field JobSpec.spec.parallelism of type int32"),
        ("parallelism: 99999999999999999999999", "json: cannot unmarshal number 1e+23 into Go struct field JobSpec.spec.parallelism of type int32"),
        ("parallelism: 1e10", "json: cannot unmarshal number 10000000000 into Go struct field JobSpec.spec.parallelism of type int32"),
        ("parallelism: 1.5", "json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.parallelism of type int32"),
        ("parallelism: \"3\"", "json: cannot unmarshal string into Go struct field JobSpec.spec.parallelism of type int32"),
        ("parallelism: true", "json: cannot unmarshal bool into Go struct field JobSpec.spec.parallelism of type int32"),
        ("parallelism: [1]", "json: cannot unmarshal array into Go struct field JobSpec.spec.parallelism of type int32"),
        ("parallelism: {a: 1}", "json: cannot unmarshal object into Go struct field JobSpec.spec.parallelism of type int32"),
        ("activeDeadlineSeconds: 99999999999999999999", "json: cannot unmarshal number 100000000000000000000 into Go struct field JobSpec.spec.activeDeadlineSeconds of type int64"),
    ];
    for (line, want) in cases {
        let text = format!("{HEAD}  {line}\n{POD}");
        let e = err(&text);
        assert_eq!(
            e.message,
            format!(
                "line 6, column {}: Job in version \"v1\" cannot be handled as a Job: {want}",
                line.find(':').unwrap_or(0) + 5
            ),
            "{line}"
        );
    }
    let text = format!(
        "{HEAD}  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes: {{operator: In, values: [1, 4294967296]}}\n{POD}"
    );
    assert!(err(&text).message.ends_with(
        "json: cannot unmarshal number 4294967296 into Go struct field PodFailurePolicyOnExitCodesRequirement.spec.podFailurePolicy.rules.onExitCodes.values of type int32"
    ));
    let text = format!(
        "{HEAD}  template:\n    spec:\n      restartPolicy: Never\n      terminationGracePeriodSeconds: 1e30\n      containers:\n      - name: main\n        image: busybox\n"
    );
    assert!(err(&text).message.ends_with(
        "json: cannot unmarshal number 1e+30 into Go struct field PodSpec.spec.template.spec.terminationGracePeriodSeconds of type int64"
    ));
}

#[test]
fn binary_junk_is_named_as_such() {
    let text = format!("{HEAD}\u{0}\u{1}\u{2}{POD}");
    let e = err(&text);
    assert_eq!(
        e.message,
        "line 6: the file holds binary data (a control character), not YAML text"
    );
    let junk: String = (0u8..=255).map(|b| b as char).collect();
    assert!(err(&junk).message.contains("binary data"));
}

#[test]
fn invalid_utf8_is_refused_by_the_cli() {
    let dir = std::env::temp_dir().join(format!("jobplay-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join("junk.yaml");
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0x80]);
    std::fs::write(&p, bytes).expect("write");
    let path = p.to_string_lossy().into_owned();
    let out = jobplay::cli::run(&["validate".to_string(), path.clone()]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!("error: {path} is not UTF-8 text (invalid byte at offset 58): a YAML file is expected\n")
    );
}

#[test]
fn a_hundred_thousand_bad_values_give_a_short_answer() {
    let values = (0..120_000)
        .map(|i| (i % 7).to_string())
        .collect::<Vec<_>>()
        .join(",");
    let text = format!(
        "{HEAD}  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: NotIn\n        values: [{values}]\n{POD}"
    );
    let e = err(&text);
    assert!(
        e.message.ends_with("\n* ... and 119795 more errors"),
        "{}",
        &e.message[e.message.len() - 100..]
    );
    assert_eq!(e.diagnostics.len(), 200);
    assert!(e.message.len() < 40_000);
    assert!(e.message.starts_with(
        "The Job \"pi\" is invalid: \n* spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 120000: must have at most 255 items\n* spec.podFailurePolicy.rules[0].onExitCodes.values[7]: Duplicate value: 0\n"
    ));

    let mut labels = String::new();
    for i in 0..30_000 {
        labels.push_str(&format!("    k{i}: -bad{i}\n"));
    }
    let text = format!(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n  labels:\n{labels}spec:\n{POD}"
    );
    let e = err(&text);
    assert!(e.message.ends_with("more errors"));
    assert!(e.diagnostics.iter().all(|d| d.line.is_some()));
}

#[test]
fn thousands_of_containers_with_errors_are_answered() {
    let mut containers = String::new();
    for i in 0..60_000 {
        containers.push_str(&format!("      - name: c{i}\n"));
    }
    let text = format!(
        "{HEAD}  template:\n    spec:\n      restartPolicy: Never\n      containers:\n{containers}"
    );
    let e = err(&text);
    assert!(e.message.starts_with(
        "The Job \"pi\" is invalid: \n* spec.template.spec.containers[0].image: Required value\n"
    ));
    assert!(e.message.ends_with("* ... and 59800 more errors"));
}

#[test]
fn empty_and_comment_only_files_name_the_missing_workload() {
    for text in [
        "",
        "\n\n",
        "# just a comment\n",
        "---\n---\n...\n",
        "--- \n# x\n---\n",
    ] {
        assert_eq!(
            err(text).message,
            "no workload found: the file needs a batch/v1 Job or CronJob document",
            "{text:?}"
        );
    }
    let many = "---\n".repeat(500_000);
    assert!(err(&many).message.starts_with("no workload found"));
}

#[test]
fn tabs_and_duplicate_keys_are_named() {
    let text = format!("{HEAD}\tparallelism: 2\n{POD}");
    let e = err(&text);
    assert!(e.message.contains("tab character"), "{}", e.message);
    assert_eq!(e.diagnostics[0].line, Some(6));
    let text = format!("{HEAD}  parallelism: 1\n  parallelism: 2\n{POD}");
    let e = err(&text);
    assert_eq!(
        e.message,
        "line 6, column 3: yaml: unmarshal errors: key \"parallelism\" already set in map"
    );
}

#[test]
fn scalars_yaml_misreads_are_not_panics() {
    for value in [
        ".nan",
        ".inf",
        "-.inf",
        "0x7fffffffffffffffff",
        "0o777777777777777777777",
        "~",
        "!!binary aGk=",
        "&a 3",
        "*missing",
        "!!str 3",
        "'",
        "\"",
        "[",
        "{",
        "? x",
        "|",
        ">",
        "@x",
        "`x",
        "%x",
    ] {
        let text = format!("{HEAD}  parallelism: {value}\n{POD}");
        if let Err(e) = ScenarioFile::parse(&text) {
            assert!(!e.message.is_empty(), "{value}");
        }
    }
}
