//! The words lab's export: `{"lab":"words","link":…,"words":[…],"vectors":[[…],…]}`,
//! one vector per word in the order of `words`, written by hand as the
//! digits weights file is, so the CLI's `--export` and the page's download
//! write the same bytes.

use alloc::string::String;

use super::WordsSession;
use crate::digits::weights_file::{push_numbers, push_string};

impl WordsSession {
    /// The trained input vectors as JSON: the link that reproduces them, the
    /// words most frequent first, and each word's vector. A number that is not
    /// finite is written `null`.
    pub fn vectors_file(&self) -> String {
        let mut out = String::from("{\"lab\":\"words\",\"link\":");
        push_string(&mut out, &self.config().to_query());
        out.push_str(",\"words\":[");
        for (index, word) in self.vocabulary().iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            push_string(&mut out, word);
        }
        out.push_str("],\"vectors\":[");
        for id in 0..self.vocabulary().len() {
            if id > 0 {
                out.push(',');
            }
            push_numbers(&mut out, self.vector(id));
        }
        out.push_str("]}");
        out
    }
}
