//! Queries are evaluated in worker processes (`plankg query-worker`), at most
//! `--max-concurrent` at once, so a query past its timeout is stopped for certain:
//! its worker is killed, which frees its thread and memory, and a new one takes its
//! place.
//!
//! Why processes: oxigraph's evaluator checks its cancellation token only when it
//! reads a quad from the store (spareval's `underlying_internal_quads_for_pattern`).
//! Work done on tuples already in memory never looks at it: a cartesian product
//! (`CartesianProductJoinIterator`) combines each probe tuple with every built one,
//! and an aggregate or ORDER BY over such a product runs for hours; OFFSET counts the
//! cancellation errors as skipped rows, so a cancelled query comes back as an
//! empty, complete-looking result. A thread cannot be stopped from outside; a
//! process can.
//!
//! Protocol on the worker's stdin and stdout: one JSON [`QueryRequest`] a line in;
//! one JSON [`Reply`] header a line out, followed by `length` bytes of body.

use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use oxhttp::model::StatusCode;
use serde::{Deserialize, Serialize};

use super::evaluate::{QueryRequest, Reply};

/// How long past its timeout a worker may take to answer before it is killed: the
/// worker's own token stops most queries at the timeout and answers 503 itself.
pub(crate) const GRACE: Duration = Duration::from_millis(500);

/// What the worker processes are started with.
#[derive(Debug, Clone)]
pub(crate) struct WorkerCommand {
    /// The plankg binary.
    pub(crate) program: PathBuf,
    /// The store directory.
    pub(crate) store: PathBuf,
    /// Most rows a SELECT answer carries.
    pub(crate) max_rows: usize,
    /// How long a query may run.
    pub(crate) timeout: Duration,
    /// No line on stderr when a worker is killed.
    pub(crate) quiet: bool,
}

/// The header line of a reply on a worker's stdout.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ReplyHeader {
    /// The reply, without its body.
    #[serde(flatten)]
    pub(crate) reply: Reply,
    /// The length of the body that follows, in bytes.
    pub(crate) length: usize,
}

/// One worker process, and the replies its reader thread hands over.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: Receiver<io::Result<Reply>>,
    /// The pool generation it was started in (a writable server's updates start a
    /// new one: read-only workers see the store as it was when they opened it).
    generation: u64,
}

impl Worker {
    fn spawn(command: &WorkerCommand, generation: u64) -> io::Result<Self> {
        let mut child = Command::new(&command.program)
            .arg("--quiet")
            .arg("query-worker")
            .arg("--store")
            .arg(&command.store)
            .arg("--max-rows")
            .arg(command.max_rows.to_string())
            .arg("--timeout")
            .arg(command.timeout.as_secs_f64().to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            return Err(io::Error::other("the worker's pipes were not opened"));
        };
        let (sender, replies) = mpsc::channel();
        thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            loop {
                let reply = read_reply(&mut stdout);
                let failed = !matches!(reply, Ok(Some(_)));
                let sent = match reply {
                    Ok(Some(reply)) => sender.send(Ok(reply)),
                    Ok(None) => sender.send(Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "the query worker exited",
                    ))),
                    Err(e) => sender.send(Err(e)),
                };
                if failed || sent.is_err() {
                    break;
                }
            }
        });
        Ok(Self {
            child,
            stdin,
            replies,
            generation,
        })
    }

    /// Kills the process; it is reaped on a thread of its own, so a reply never
    /// waits for a dying process to give back its memory.
    fn kill(mut self) {
        let _ = self.child.kill();
        thread::spawn(move || {
            let _ = self.child.wait();
        });
    }
}

/// Reads one reply (header line and body); `None` at the end of the stream.
fn read_reply(stdout: &mut impl BufRead) -> io::Result<Option<Reply>> {
    let mut line = String::new();
    if stdout.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let header: ReplyHeader = serde_json::from_str(&line).map_err(io::Error::other)?;
    let mut reply = header.reply;
    reply.body = vec![0; header.length];
    stdout.read_exact(&mut reply.body)?;
    Ok(Some(reply))
}

/// Writes one reply (header line and body).
pub(crate) fn write_reply(out: &mut impl Write, mut reply: Reply) -> io::Result<()> {
    let body = std::mem::take(&mut reply.body);
    let header = ReplyHeader {
        reply,
        length: body.len(),
    };
    serde_json::to_writer(&mut *out, &header).map_err(io::Error::other)?;
    out.write_all(b"\n")?;
    out.write_all(&body)?;
    out.flush()
}

/// The worker processes, idle ones waiting in a queue.
pub(crate) struct WorkerPool {
    command: WorkerCommand,
    size: usize,
    idle: Mutex<Vec<Worker>>,
    returned: Condvar,
    generation: AtomicU64,
    /// Workers killed at their timeout since the server started.
    killed: AtomicU64,
}

impl WorkerPool {
    /// Starts `size` workers.
    ///
    /// # Errors
    /// The I/O error of a worker that cannot be started.
    pub(crate) fn start(command: WorkerCommand, size: usize) -> io::Result<Self> {
        let workers = (0..size)
            .map(|_| Worker::spawn(&command, 0))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(Self {
            command,
            size,
            idle: Mutex::new(workers),
            returned: Condvar::new(),
            generation: AtomicU64::new(0),
            killed: AtomicU64::new(0),
        })
    }

    /// Answers one query: waits for an idle worker up to the query's deadline (503
    /// when none comes free), hands it the query, and kills it when its reply does
    /// not come by the deadline plus [`GRACE`] (503).
    pub(crate) fn answer(&self, request: &QueryRequest) -> Reply {
        let deadline = Instant::now() + self.command.timeout;
        let Some(mut worker) = self.acquire(deadline) else {
            return Reply::error(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the server is busy: {} queries are running and none ended within {} s; try again later",
                    self.size,
                    self.command.timeout.as_secs_f64()
                ),
            );
        };
        let sent = serde_json::to_writer(&mut worker.stdin, request)
            .map_err(io::Error::other)
            .and_then(|()| worker.stdin.write_all(b"\n"))
            .and_then(|()| worker.stdin.flush());
        if let Err(e) = sent {
            self.replace(worker);
            return Reply::error(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the query worker could not be reached: {e}"),
            );
        }
        let wait = deadline.saturating_duration_since(Instant::now()) + GRACE;
        match worker.replies.recv_timeout(wait) {
            Ok(Ok(reply)) => {
                self.release(worker);
                reply
            }
            Ok(Err(e)) => {
                self.replace(worker);
                Reply::error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("the query worker failed: {e}"),
                )
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                let killed = self.killed.fetch_add(1, Ordering::Relaxed) + 1;
                if !self.command.quiet {
                    eprintln!(
                        "plankg: a query ran past its timeout and did not stop; its worker was killed ({killed} since the server started)"
                    );
                }
                self.replace(worker);
                Reply::timed_out(self.command.timeout)
            }
        }
    }

    /// Starts a new generation: idle workers are replaced now, busy ones when they
    /// come back, so every later query sees the store as it is (after an update).
    pub(crate) fn refresh(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        let stale: Vec<Worker> = std::mem::take(&mut *self.lock());
        for worker in stale {
            self.replace(worker);
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Worker>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn acquire(&self, deadline: Instant) -> Option<Worker> {
        let mut idle = self.lock();
        loop {
            if let Some(worker) = idle.pop() {
                return Some(worker);
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            idle = self
                .returned
                .wait_timeout(idle, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    fn release(&self, worker: Worker) {
        if worker.generation == self.generation.load(Ordering::SeqCst) {
            self.lock().push(worker);
            self.returned.notify_one();
        } else {
            self.replace(worker);
        }
    }

    /// Kills `worker` and starts another in its place. A worker that cannot be
    /// started is said on stderr; the pool then runs with one fewer.
    fn replace(&self, worker: Worker) {
        worker.kill();
        match Worker::spawn(&self.command, self.generation.load(Ordering::SeqCst)) {
            Ok(fresh) => {
                self.lock().push(fresh);
                self.returned.notify_one();
            }
            Err(e) => eprintln!("plankg: cannot start a query worker: {e}"),
        }
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        for worker in std::mem::take(&mut *self.lock()) {
            worker.kill();
        }
    }
}
