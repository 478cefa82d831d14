//! Model text → JSON value, strictly: a UTF-8 byte-order mark is accepted (editors on
//! Windows write one), a syntax error is an [`Issue`] with line and column, and a key
//! written twice in one object is an error naming both places — serde_json would keep
//! the last silently, and a model whose second `"pass"` quietly wins is a wrong model.

use std::collections::HashMap;

use serde_json::Value;

use crate::Issue;

/// Parses model text (see the module's rules).
pub fn parse_json(text: &str) -> Result<Value, Issue> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| Issue {
        line: Some(e.line()),
        column: Some(e.column()),
        ..Issue::error("", format!("the file is not valid JSON: {e}"))
            .hint("fix the JSON syntax at that position")
    })?;
    match first_duplicate_key(text) {
        Some(d) => Err(Issue {
            line: Some(d.second.0),
            column: Some(d.second.1),
            ..Issue::error(
                "",
                format!(
                    "the key `{}` is written twice in one object: at line {}, column {} and at line {}, column {}",
                    d.key, d.first.0, d.first.1, d.second.0, d.second.1
                ),
            )
            .hint("keep one of them: JSON readers disagree on which one counts")
        }),
        None => Ok(value),
    }
}

/// A key written twice in one object, with both places (1-based line and column).
#[derive(Debug, PartialEq, Eq)]
struct Duplicate {
    key: String,
    first: (usize, usize),
    second: (usize, usize),
}

/// The first key repeated within one object of `text`, which must be valid JSON (the
/// scan only tracks strings, nesting and the `"key":` pattern; serde_json has checked the
/// rest). One pass, linear in the text.
fn first_duplicate_key(text: &str) -> Option<Duplicate> {
    // One entry per open bracket: the keys seen so far for an object, `None` for an array.
    let mut stack: Vec<Option<HashMap<String, (usize, usize)>>> = Vec::new();
    let (mut line, mut col) = (1usize, 0usize);
    let mut chars = text.chars().peekable();
    // A string just closed (with where it started), waiting to see if `:` follows.
    let mut pending: Option<(String, (usize, usize))> = None;
    while let Some(c) = chars.next() {
        col += 1;
        match c {
            '\n' => {
                line += 1;
                col = 0;
            }
            '"' => {
                let start = (line, col);
                let mut s = String::new();
                while let Some(d) = chars.next() {
                    col += 1;
                    match d {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                col += 1;
                                s.push('\\');
                                s.push(e);
                            }
                        }
                        '"' => break,
                        _ => s.push(d),
                    }
                }
                pending = Some((s, start));
                continue;
            }
            ':' => {
                if let (Some((key, at)), Some(Some(keys))) = (pending.take(), stack.last_mut()) {
                    if let Some(&first) = keys.get(&key) {
                        return Some(Duplicate {
                            key,
                            first,
                            second: at,
                        });
                    }
                    keys.insert(key, at);
                }
            }
            '{' => stack.push(Some(HashMap::new())),
            '[' => stack.push(None),
            '}' | ']' => {
                stack.pop();
            }
            _ => {}
        }
        if !c.is_whitespace() {
            pending = None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let v = parse_json("\u{feff}{\"a\": 1}").expect("parses");
        assert_eq!(v["a"], 1);
    }

    #[test]
    fn a_repeated_key_names_both_places() {
        let text = "{\n  \"x\": {\"a\": 1, \"b\": [ {\"a\": 2} ]},\n  \"a\": 3,\n  \"x\": 4\n}";
        let e = parse_json(text).expect_err("x twice");
        assert!(
            e.message.contains(
                "`x` is written twice in one object: at line 2, column 3 and at line 4, column 3"
            ),
            "{}",
            e.message
        );
        assert_eq!((e.line, e.column), (Some(4), Some(3)));
    }

    #[test]
    fn same_keys_in_different_objects_and_escaped_quotes_are_fine() {
        let text = r#"{"a": {"k": "say \"k\": 1"}, "b": {"k": 2}, "arr": [{"k": 1}, {"k": 2}], "s": "a:b"}"#;
        assert!(parse_json(text).is_ok());
        // An escaped key equal to another one's text is still a repeat.
        let e = parse_json(r#"{"k\"": 1, "k\"": 2}"#).expect_err("repeat");
        assert!(e.message.contains("twice"));
    }

    #[test]
    fn a_syntax_error_has_its_position() {
        let e = parse_json("{\n  \"a\": 1,\n  oops\n}").expect_err("syntax");
        assert_eq!(e.line, Some(3));
    }
}
