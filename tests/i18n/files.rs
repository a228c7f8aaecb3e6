//! The translations, checked the way a translator's mistakes would show: every language Ferry
//! ships parses, has exactly English's messages, uses the same `{ $variables }`, gives every plural
//! form its grammar needs (CLDR rules), formats every message without a Fluent error, and is a
//! translation rather than a copy of English. And in the code: no user-visible string literal in
//! `src/gui/` outside the lookup, and no English message that nothing uses. And every Chinese and
//! Japanese character has a glyph in the font subset that shows it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

const LANGUAGES: [&str; 10] = [
    "en", "de", "fr", "es", "it", "pt-BR", "ru", "pl", "zh-CN", "ja",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn source(lang: &str) -> String {
    let path = root().join("i18n").join(lang).join("ferry.ftl");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the checks need of one message: the variables it reads and its selects' variant keys.
#[derive(Default, Debug)]
struct Shape {
    vars: BTreeSet<String>,
    /// (variant keys, the default key) of each select expression.
    selects: Vec<(Vec<String>, String)>,
    text: String,
}

fn walk_pattern(p: &ast::Pattern<&str>, s: &mut Shape) {
    for e in &p.elements {
        match e {
            ast::PatternElement::TextElement { value } => s.text.push_str(value),
            ast::PatternElement::Placeable { expression } => walk_expr(expression, s),
        }
    }
}

fn walk_expr(e: &ast::Expression<&str>, s: &mut Shape) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, s);
            let key = |v: &ast::Variant<&str>| match &v.key {
                ast::VariantKey::Identifier { name } => name.to_string(),
                ast::VariantKey::NumberLiteral { value } => value.to_string(),
            };
            let keys = variants.iter().map(key).collect();
            let default = variants.iter().find(|v| v.default).map(key);
            s.selects.push((keys, default.unwrap_or_default()));
            for v in variants {
                walk_pattern(&v.value, s);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, s),
    }
}

fn walk_inline(i: &ast::InlineExpression<&str>, s: &mut Shape) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            s.vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => walk_expr(expression, s),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, s);
            }
        }
        ast::InlineExpression::StringLiteral { value } => s.text.push_str(value),
        _ => {}
    }
}

/// The messages of a language in file order, or the parse errors.
fn messages(lang: &str, src: &str) -> Vec<(String, Shape)> {
    let res = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{lang}/ferry.ftl does not parse: {errors:?}"),
    };
    let mut out = Vec::new();
    for entry in &res.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut shape = Shape::default();
                if let Some(v) = &m.value {
                    walk_pattern(v, &mut shape);
                }
                out.push((m.id.name.to_string(), shape));
            }
            ast::Entry::Junk { content } => panic!("{lang}/ferry.ftl: cannot parse {content:?}"),
            _ => {}
        }
    }
    out
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// The plural categories a language uses for whole numbers (what a count can be).
fn integer_categories(lang: &str) -> BTreeSet<&'static str> {
    // CLDR's rules are per language (pt-BR follows pt; zh-CN, zh).
    let id: LanguageIdentifier = lang.split('-').next().unwrap().parse().unwrap();
    let rules = PluralRules::create(id, PluralRuleType::CARDINAL).unwrap();
    let mut n: Vec<u64> = (0..=1000).collect();
    n.extend([10_000, 100_000, 1_000_000, 10_000_000]);
    n.into_iter()
        .map(|n| category_name(rules.select(n).unwrap()))
        .collect()
}

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

#[test]
fn every_language_is_complete_and_consistent() {
    let en_src = source("en");
    let en: BTreeMap<String, Shape> = messages("en", &en_src).into_iter().collect();
    assert!(en.len() > 100, "the English file lost its messages");
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        let src = source(lang);
        let list = messages(lang, &src);
        let mut seen = BTreeSet::new();
        for (id, _) in &list {
            if !seen.insert(id.clone()) {
                problems.push(format!("{lang}: {id} is defined twice"));
            }
        }
        let tr: BTreeMap<String, Shape> = list.into_iter().collect();
        for id in en.keys().filter(|id| !tr.contains_key(*id)) {
            problems.push(format!("{lang}: missing {id}"));
        }
        let cats = integer_categories(lang);
        let mut same_as_english = 0;
        for (id, shape) in &tr {
            let Some(english) = en.get(id) else {
                problems.push(format!("{lang}: unknown message {id}"));
                continue;
            };
            if shape.vars != english.vars {
                problems.push(format!(
                    "{lang}: {id} uses {:?}, English {:?}",
                    shape.vars, english.vars
                ));
            }
            for (keys, default) in &shape.selects {
                if !keys.iter().any(|k| PLURAL_KEYS.contains(&k.as_str())) {
                    continue;
                }
                let missing: Vec<_> = cats
                    .iter()
                    .filter(|c| !keys.iter().any(|k| k == *c))
                    .collect();
                if !missing.is_empty() {
                    problems.push(format!("{lang}: {id} lacks plural forms {missing:?}"));
                }
                if default != "other" {
                    problems.push(format!(
                        "{lang}: {id}: the default plural form must be other"
                    ));
                }
            }
            if lang != "en"
                && shape.text == english.text
                && english.text.chars().any(char::is_alphabetic)
            {
                same_as_english += 1;
            }
        }
        // A handful may legitimately match (OK, "Ferry", "Log", "Port"...), not the bulk.
        if lang != "en" && same_as_english * 10 > en.len() {
            problems.push(format!(
                "{lang}: {same_as_english} of {} messages are the English text",
                en.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_formats_without_errors() {
    let en: Vec<(String, Shape)> = messages("en", &source("en"));
    for lang in LANGUAGES {
        let id: LanguageIdentifier = lang.parse().unwrap();
        let mut bundle = FluentBundle::new(vec![id]);
        bundle.set_use_isolating(false);
        let res = FluentResource::try_new(source(lang)).expect("parses");
        bundle.add_resource(res).expect("no duplicate ids");
        for (msg_id, shape) in &en {
            let msg = bundle
                .get_message(msg_id)
                .unwrap_or_else(|| panic!("{lang}: no {msg_id}"));
            for n in [0i64, 1, 2, 5, 22, 101] {
                let mut args = FluentArgs::new();
                for v in &shape.vars {
                    args.set(v.as_str(), FluentValue::from(n));
                }
                let mut errors = Vec::new();
                let out = bundle.format_pattern(
                    msg.value().expect("has a value"),
                    Some(&args),
                    &mut errors,
                );
                assert!(errors.is_empty(), "{lang}: {msg_id} with {n}: {errors:?}");
                assert!(!out.trim().is_empty(), "{lang}: {msg_id} is empty");
            }
        }
    }
}

/// Rust source of `src/gui`, minus the lookup itself and test modules.
fn gui_sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("gui/text.rs") {
                let mut s = std::fs::read_to_string(&p).unwrap();
                if let Some(i) = s.find("#[cfg(test)]") {
                    s.truncate(i);
                }
                out.push((p, s));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src/gui"), &mut out);
    out
}

/// The string literals on a line (no raw strings are used for text in the GUI).
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\'' {
            // A char literal such as '"' must not open a string.
            let rest: String = chars.clone().take(3).collect();
            if rest.starts_with("\"'") || rest.starts_with("\\\"'") {
                chars.nth(if rest.starts_with('\\') { 2 } else { 1 });
            }
            continue;
        }
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => lit.extend(chars.next()),
                '"' => break,
                c => lit.push(c),
            }
        }
        out.push(lit);
    }
    out
}

/// Text a person could read: two letters in a row outside `{placeholders}`.
fn is_prose(lit: &str) -> bool {
    let mut depth = 0;
    let mut run = 0;
    for c in lit.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => {
                run += 1;
                if run >= 2 {
                    return true;
                }
            }
            _ => run = 0,
        }
    }
    false
}

#[test]
fn no_user_visible_literal_outside_the_lookup() {
    // Message ids, widget ids, file names: lower-case words with - _ . / (and placeholders).
    let is_key = |l: &str| {
        l.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_./{}:?".contains(c))
    };
    // Lines whose literals are not shown in the window.
    let not_shown = [
        "t!(",
        ".id(",
        "focus(",
        "tracing::",
        "eprintln!",
        ".expect(",
        "env::var(",
        "include_bytes!(",
        "// i18n-ok",
    ];
    let mut found = Vec::new();
    for (path, src) in gui_sources() {
        let mut waived = false;
        for (n, line) in src.lines().enumerate() {
            let code = line.trim_start();
            // A waiver covers its own line, or the line after when it stands alone.
            let waived_here = std::mem::replace(&mut waived, code.starts_with("// i18n-ok"));
            if waived_here || code.starts_with("//") || not_shown.iter().any(|p| line.contains(p)) {
                continue;
            }
            for lit in literals(line) {
                if is_prose(&lit) && !is_key(&lit) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, code));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "user-visible text must come from i18n/ through t! (or mark a line `// i18n-ok: why`):\n{}",
        found.join("\n")
    );
}

#[test]
fn every_english_message_is_used() {
    let code: String = gui_sources().into_iter().map(|(_, s)| s).collect();
    let text_rs = std::fs::read_to_string(root().join("src/gui/text.rs")).unwrap();
    let unused: Vec<String> = messages("en", &source("en"))
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| {
            let quoted = format!("\"{id}\"");
            !code.contains(&quoted) && !text_rs.contains(&quoted)
        })
        .collect();
    assert!(unused.is_empty(), "messages nothing shows: {unused:?}");
}

#[test]
fn the_scanner_catches_what_it_should() {
    assert!(is_prose("Connect to a server"));
    assert!(is_prose("{} items"));
    assert!(!is_prose("{count}/{total}"));
    assert!(!is_prose("→ {dest}"));
    assert_eq!(literals(r#"text("a") + "b\"c""#), vec!["a", "b\"c"]);
    assert_eq!(literals(r#"x == '"' && y("ok")"#), vec!["ok"]);
}

/// Chinese and Japanese show through the CJK subsets Ferry embeds (a machine may have no CJK font):
/// a character a translation uses but its subset lacks would show as a box. The subsets are made by
/// `assets/fonts/make-cjk-subset.sh`, which has to run again when these translations change.
#[test]
fn every_cjk_character_of_a_translation_has_a_glyph() {
    for (lang, font) in [
        ("ja", "NotoSansCJKjp-Ferry.otf"),
        ("zh-CN", "NotoSansCJKsc-Ferry.otf"),
    ] {
        let data = std::fs::read(root().join("assets/fonts").join(font)).unwrap();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        let missing: BTreeSet<char> = source(lang)
            .chars()
            .filter(|c| *c as u32 > 0x2E7F && face.glyph_index(*c).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "{lang}: {font} has no glyph for {missing:?}: run assets/fonts/make-cjk-subset.sh"
        );
    }
}
