//! Synthetic corpora for the fault tests: many resolutions of plausible UN wording, the same for the same seed.

use std::path::Path;

pub use super::rng::Rng;

const VERBS: [&str; 10] = [
    "Decides",
    "Requests",
    "Calls upon",
    "Encourages",
    "Welcomes",
    "Invites",
    "Urges",
    "Recognizes",
    "Notes",
    "Affirms",
];
const WORDS: [&str; 24] = [
    "security",
    "international law",
    "consensus",
    "cooperation",
    "information",
    "telecommunications",
    "Member States",
    "norms",
    "responsible behaviour",
    "capacity-building",
    "confidence-building measures",
    "critical infrastructure",
    "the Secretary-General",
    "regional organizations",
    "sovereignty",
    "human rights",
    "the open-ended working group",
    "the group of governmental experts",
    "developing countries",
    "the Charter",
    "threats",
    "stability",
    "technology",
    "dialogue",
];

/// One resolution `A/RES/<50+i/100>/<i%100+1>` with 8 to 20 paragraphs.
pub fn resolution(i: usize, rng: &mut Rng) -> (String, String) {
    let symbol = format!("A/RES/{}/{}", 50 + i / 100, i % 100 + 1);
    let process = if i.is_multiple_of(2) { "OEWG" } else { "GGE" };
    let mut body = String::from("The General Assembly,\n\n");
    for _ in 0..1 + rng.below(3) {
        body.push_str(&format!(
            "Recalling its resolutions on {} and {},\n\n",
            rng.pick(&WORDS),
            rng.pick(&WORDS)
        ));
    }
    for n in 1..=8 + rng.below(13) {
        let mut sentence = format!("{n}. {} ", rng.pick(&VERBS));
        for _ in 0..12 + rng.below(30) {
            sentence.push_str(rng.pick(&WORDS));
            sentence.push(' ');
        }
        body.push_str(sentence.trim_end());
        body.push_str(";\n\n");
    }
    let text = format!(
        "+++\nsymbol = \"{symbol}\"\ntitle = \"Generated resolution {i}\"\nkind = \"resolution\"\nprocess = \"{process}\"\n+++\n\n{body}"
    );
    (symbol.replace('/', "-") + ".txt", text)
}

/// Writes `n` generated resolutions into `dir`.
pub fn corpus(dir: &Path, n: usize, seed: u64) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut rng = Rng::new(seed);
    for i in 0..n {
        let (name, text) = resolution(i, &mut rng);
        std::fs::write(dir.join(name), text).expect("write");
    }
}
