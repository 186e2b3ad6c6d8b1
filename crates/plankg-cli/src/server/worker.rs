//! `plankg query-worker`: the process a server evaluates its queries in (see
//! [`super::pool`]). It reads one query a line on stdin and writes each reply on
//! stdout until stdin closes. Should a query outlive its timeout by twice the
//! grace, the worker exits on its own, so even a worker whose server is gone
//! never runs a query for ever.

use std::io::{self, BufRead as _};
use std::path::Path;
use std::sync::mpsc;
use std::thread;

use oxhttp::model::StatusCode;
use plankg_store::PlanStore;

use super::evaluate::{evaluate, Limits, QueryRequest, Reply};
use super::pool::{write_reply, GRACE};

/// The exit status of a worker that stopped itself past a query's timeout.
const OUTLIVED_TIMEOUT: i32 = 3;

/// Serves queries on stdin and stdout until stdin closes.
///
/// # Errors
/// When the store cannot be opened or stdout cannot be written.
pub(crate) fn run(store: &Path, limits: Limits) -> anyhow::Result<()> {
    let store = PlanStore::open_read_only(store)?;
    let mut out = io::stdout().lock();
    for line in io::stdin().lock().lines() {
        let line = line?;
        let reply = match serde_json::from_str::<QueryRequest>(&line) {
            Ok(request) => {
                let guard = exit_past(limits);
                let reply = evaluate(&store, &request, limits);
                drop(guard);
                reply
            }
            Err(e) => Reply::error(StatusCode::BAD_REQUEST, format!("bad worker request: {e}")),
        };
        write_reply(&mut out, reply)?;
    }
    Ok(())
}

/// Exits the process when the returned sender is not dropped within the timeout
/// and twice the grace: the evaluation did not heed its cancellation token.
fn exit_past(limits: Limits) -> mpsc::Sender<()> {
    let (done, wait) = mpsc::channel::<()>();
    thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limits.timeout + GRACE * 2)
        {
            std::process::exit(OUTLIVED_TIMEOUT);
        }
    });
    done
}
