//! Keeps `README.md` honest: every `$ ccplan …` example in a `console`
//! block is run from the workspace root and its output (stdout on success,
//! stderr on failure) must equal the lines shown below it; the `csv` block
//! must equal `cli/examples/forecast.csv`.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn cli_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn workspace_root() -> PathBuf {
    cli_dir().parent().expect("cli/ has a parent").to_path_buf()
}

/// The fenced blocks of `language` in `markdown`, as their lines.
fn blocks<'a>(markdown: &'a str, language: &str) -> Vec<Vec<&'a str>> {
    let fence = format!("```{language}");
    let mut found = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in markdown.lines() {
        match current.as_mut() {
            None if line.trim_end() == fence => current = Some(Vec::new()),
            None => {}
            Some(_) if line.trim_end() == "```" => found.push(current.take().unwrap()),
            Some(lines) => lines.push(line),
        }
    }
    assert!(current.is_none(), "unterminated ```{language} block");
    found
}

/// Runs one example command line (`ccplan ARGS [< FILE]`, no other shell syntax).
fn run(command: &str) -> String {
    let words: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(words.first(), Some(&"ccplan"), "{command}");
    let (args, stdin) = match words.iter().position(|w| *w == "<") {
        Some(at) => {
            assert_eq!(
                at + 2,
                words.len(),
                "`< FILE` must end the command: {command}"
            );
            let file = File::open(workspace_root().join(words[at + 1])).expect("stdin file exists");
            (&words[1..at], Stdio::from(file))
        }
        None => (&words[1..], Stdio::null()),
    };
    let output = Command::new(env!("CARGO_BIN_EXE_ccplan"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(stdin)
        .output()
        .expect("ccplan runs");
    let shown = if output.status.success() {
        output.stdout
    } else {
        output.stderr
    };
    String::from_utf8(shown).expect("UTF-8 output")
}

#[test]
fn readme_examples_show_real_output() {
    let readme =
        std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md exists");
    let mut examples = 0;
    for block in blocks(&readme, "console") {
        let mut lines = block.into_iter().peekable();
        while let Some(line) = lines.next() {
            let command = line
                .strip_prefix("$ ")
                .unwrap_or_else(|| panic!("expected a `$ ` command line, got {line:?}"));
            let mut expected = String::new();
            while let Some(next) = lines.next_if(|l| !l.starts_with("$ ")) {
                expected.push_str(next);
                expected.push('\n');
            }
            assert_eq!(
                run(command),
                expected,
                "output of `{command}` differs from README.md"
            );
            examples += 1;
        }
    }
    assert!(examples >= 3, "only {examples} examples found");
}

#[test]
fn readme_forecast_matches_the_example_file() {
    let readme =
        std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md exists");
    let csv = blocks(&readme, "csv");
    assert_eq!(csv.len(), 1);
    let file = std::fs::read_to_string(cli_dir().join("examples/forecast.csv")).unwrap();
    assert_eq!(csv[0], file.lines().collect::<Vec<_>>());
}
