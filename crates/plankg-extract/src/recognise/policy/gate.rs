//! The words some policy patterns cannot match without, looked for with the other
//! words of the lexicon: a pattern runs only when its gate is open, which it rarely
//! is.

use super::super::lexicon::{LexiconBuilder, List, Occurrences};

/// A pattern's gate: it opens when the text holds one of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gate {
    /// Strategies: "…"战略, 实施…战略.
    Strategy,
    /// 教育强国, 高教强省 ….
    Strong,
    /// Five-year plans: 十一五 … 十五五.
    FiveYear,
    /// Speeches and instructions.
    Speech,
    /// Central documents known by number: 中央8号文件.
    Numbered,
    /// Conferences: 工作会议, 教育大会 ….
    Meeting,
    /// Central plenums in a list: 十八届三中、四中全会.
    CentralPlenum,
    /// Local plenums: 市委十二届八次全会.
    LocalPlenum,
    /// Local party congresses: 市第十二次党代会.
    LocalCongress,
    /// Titles in 《》.
    Title,
}

impl Gate {
    /// Every gate.
    const ALL: [Gate; 10] = [
        Gate::Strategy,
        Gate::Strong,
        Gate::FiveYear,
        Gate::Speech,
        Gate::Numbered,
        Gate::Meeting,
        Gate::CentralPlenum,
        Gate::LocalPlenum,
        Gate::LocalCongress,
        Gate::Title,
    ];

    /// The words that open the gate: every match of its pattern holds one.
    fn words(self) -> &'static [&'static str] {
        match self {
            Gate::Strategy => &["战略"],
            Gate::Strong => &["强国", "强省"],
            Gate::FiveYear => &["十一五", "十二五", "十三五", "十四五", "十五五"],
            Gate::Speech => &["重要讲话", "重要指示", "重要论述", "重要批示"],
            Gate::Numbered => &["号文件"],
            Gate::Meeting => &["工作会议", "工作大会", "教育大会", "两会"],
            Gate::CentralPlenum => &["中全会"],
            Gate::LocalPlenum => &["届"],
            Gate::LocalCongress => &["党代"],
            Gate::Title => &["《"],
        }
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// Finds which gates a text opens.
#[derive(Debug)]
pub(super) struct Gates {
    /// Word index in the lexicon's list -> the gate the word opens.
    gate_of: Vec<Gate>,
}

impl Gates {
    /// Adds the words of every gate to the lexicon as [`List::PolicyGate`].
    pub(super) fn new(lexicon: &mut LexiconBuilder) -> Self {
        let mut words = Vec::new();
        let mut gate_of = Vec::new();
        for gate in Gate::ALL {
            for word in gate.words() {
                words.push(*word);
                gate_of.push(gate);
            }
        }
        lexicon.add(List::PolicyGate, words);
        Self { gate_of }
    }

    /// The gates the words of a text open.
    pub(super) fn open(&self, words: &Occurrences) -> Open {
        let mut bits = 0;
        for occurrence in words.of(List::PolicyGate) {
            if let Some(gate) = self.gate_of.get(occurrence.index) {
                bits |= gate.bit();
            }
        }
        Open(bits)
    }
}

/// The gates one text opens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Open(u16);

impl Open {
    /// Whether `gate` is open.
    pub(super) fn has(self, gate: Gate) -> bool {
        self.0 & gate.bit() != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gate_opens_on_any_of_its_words() {
        let mut lexicon = LexiconBuilder::default();
        let gates = Gates::new(&mut lexicon);
        let words = lexicon
            .build()
            .unwrap()
            .scan("贯彻落实“十四五”规划和全市教育工作会议精神");
        let open = gates.open(&words);
        assert!(open.has(Gate::FiveYear));
        assert!(open.has(Gate::Meeting));
        assert!(!open.has(Gate::Strategy));
        assert!(!open.has(Gate::Title));
    }
}
