//! Progress bars on a terminal; nothing when stderr is not one or with `--quiet`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar that hides itself when it has nowhere to draw.
pub(crate) struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar of `total` steps labelled `what`.
    pub(crate) fn new(quiet: bool, total: u64, what: &str) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden())
        } else {
            ProgressBar::new(total)
        };
        if let Ok(style) = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} [{elapsed}]") {
            bar.set_style(style);
        }
        bar.set_message(what.to_owned());
        Self { bar }
    }

    /// One step done.
    pub(crate) fn inc(&self) {
        self.bar.inc(1);
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
