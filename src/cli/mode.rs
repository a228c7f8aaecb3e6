//! The MODE of `ferry chmod`, as coreutils' `chmod` reads it: octal (`644`, `0755`, `2775`) or
//! symbolic clauses separated by commas (`u+x`, `go-w`, `a=rX`, `u=g`, `+t`), each applied to a
//! file's current bits. One difference: with no `ugoa` before the operator, all of them are meant
//! and no umask is applied (the server's is not known here).

/// A parsed MODE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Octal(u32),
    Symbolic(Vec<Clause>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The bits the clause may touch (`u` 0o4700, `g` 0o2070, `o` 0o1007; all for none given).
    who: u32,
    actions: Vec<(char, Perms)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Perms {
    /// Letters from `rwxXst`.
    Letters(String),
    /// Another class's current bits: `u`, `g` or `o`.
    Copy(char),
}

impl Mode {
    pub fn parse(text: &str) -> Result<Mode, String> {
        let bad = |why: &str| format!("invalid mode '{text}': {why}");
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            let n = u32::from_str_radix(text, 8).map_err(|_| bad("octal digits are 0-7"))?;
            if n > 0o7777 {
                return Err(bad("an octal mode is at most 7777"));
            }
            return Ok(Mode::Octal(n));
        }
        let mut clauses = Vec::new();
        for part in text.split(',') {
            let mut chars = part.chars().peekable();
            let mut who = 0;
            while let Some(&c) = chars.peek() {
                who |= match c {
                    'u' => 0o4700,
                    'g' => 0o2070,
                    'o' => 0o1007,
                    'a' => 0o7777,
                    _ => break,
                };
                chars.next();
            }
            let mut actions = Vec::new();
            while let Some(op) = chars.next() {
                if !matches!(op, '+' | '-' | '=') {
                    return Err(bad("expected +, - or = after u, g, o or a"));
                }
                let perms = match chars.peek() {
                    Some(&c @ ('u' | 'g' | 'o')) => {
                        chars.next();
                        Perms::Copy(c)
                    }
                    _ => {
                        let mut letters = String::new();
                        while let Some(&c) = chars.peek() {
                            if !"rwxXst".contains(c) {
                                break;
                            }
                            letters.push(c);
                            chars.next();
                        }
                        Perms::Letters(letters)
                    }
                };
                actions.push((op, perms));
            }
            if actions.is_empty() {
                return Err(bad("each clause needs +, - or ="));
            }
            clauses.push(Clause {
                who: if who == 0 { 0o7777 } else { who },
                actions,
            });
        }
        Ok(Mode::Symbolic(clauses))
    }

    /// The new permission bits for a file whose bits are `old` (`is_dir` for `X`).
    pub fn apply(&self, old: u32, is_dir: bool) -> u32 {
        let clauses = match self {
            Mode::Octal(n) => return *n,
            Mode::Symbolic(c) => c,
        };
        let mut cur = old & 0o7777;
        for clause in clauses {
            for (op, perms) in &clause.actions {
                let bits = match perms {
                    Perms::Copy(c) => {
                        let shift = match c {
                            'u' => 6,
                            'g' => 3,
                            _ => 0,
                        };
                        ((cur >> shift) & 7) * 0o111
                    }
                    Perms::Letters(l) => l.chars().fold(0, |b, c| {
                        b | match c {
                            'r' => 0o444,
                            'w' => 0o222,
                            'x' => 0o111,
                            'X' if is_dir || old & 0o111 != 0 => 0o111,
                            's' => 0o6000,
                            't' => 0o1000,
                            _ => 0,
                        }
                    }),
                } & clause.who;
                cur = match op {
                    '+' => cur | bits,
                    '-' => cur & !bits,
                    _ => (cur & !(clause.who & 0o777)) | bits,
                };
            }
        }
        cur
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, old: u32, dir: bool) -> u32 {
        Mode::parse(text).unwrap().apply(old, dir)
    }

    #[test]
    fn octal_and_symbolic_as_chmod() {
        assert_eq!(m("644", 0o777, false), 0o644);
        assert_eq!(m("0755", 0, false), 0o755);
        assert_eq!(m("2775", 0, true), 0o2775);
        assert_eq!(m("u+x", 0o644, false), 0o744);
        assert_eq!(m("u+x,go-w", 0o666, false), 0o744);
        assert_eq!(m("go-rwx", 0o755, false), 0o700);
        assert_eq!(m("a=r", 0o755, false), 0o444);
        assert_eq!(m("=rw", 0o7, false), 0o666);
        assert_eq!(m("+x", 0o644, false), 0o755);
        assert_eq!(m("a+X", 0o644, false), 0o644);
        assert_eq!(m("a+X", 0o644, true), 0o755);
        assert_eq!(m("a+X", 0o744, false), 0o755);
        assert_eq!(m("g=u", 0o740, false), 0o770);
        assert_eq!(m("o=g-w", 0o764, false), 0o764 & !0o7 | 0o4);
        assert_eq!(m("u+s,+t", 0o755, true), 0o5755);
        assert_eq!(m("g+s", 0o755, true), 0o2755);
        assert_eq!(m("u=rwx,g=rx,o=", 0o000, false), 0o750);
        assert_eq!(m("u-x+w", 0o500, false), 0o600);
    }

    #[test]
    fn bad_modes_say_why() {
        for bad in ["", "8", "17777", "u", "u+q", "z+x", "u+x,", "+x,,g-w", "rw"] {
            assert!(Mode::parse(bad).is_err(), "{bad}");
        }
    }
}
