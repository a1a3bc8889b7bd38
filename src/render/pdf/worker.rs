//! A user theme's `statement.typ` runs in a child process with a time and memory budget.
//!
//! typst cannot be stopped from outside once it compiles, and a theme is code: a loop in it
//! ran 25 s and took 3.1 GB. The built-in theme is ours and tested; a user theme's template
//! therefore compiles in `verklaar pdf-worker` (a hidden subcommand of the same binary), which
//! limits its own address space and CPU time, while the parent stops it after a wall-clock
//! budget. Whatever happens in the child, the parent gets a [`RenderError`] for that one
//! organisation and the build goes on.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{Conformance, PdfRenderer, RenderedPdf};
use crate::calendar::Date;
use crate::render::{Overrun, RenderError};

/// Wall-clock time for one document. The built-in theme needs about a second for the
/// largest statement the load limits allow (release build).
pub const TIME_BUDGET: Duration = Duration::from_secs(30);
/// Address space of the child, in bytes. A statement at the load limits needs about 150 MB.
pub const MEMORY_BUDGET: u64 = 2 * 1024 * 1024 * 1024;

/// How the parent starts a child: the verklaar binary itself.
#[derive(Debug, Clone)]
pub struct Isolation {
    pub exe: PathBuf,
    pub time: Duration,
    pub memory: u64,
}

impl Isolation {
    /// The running verklaar binary with the standard budgets, or those set in
    /// `VERKLAAR_THEME_SECONDS` and `VERKLAAR_THEME_MEMORY_MB` (for a theme that needs more,
    /// and for tests that need less).
    pub fn current() -> Option<Isolation> {
        let env = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|&n| n > 0)
        };
        Some(Isolation {
            exe: std::env::current_exe().ok()?,
            time: env("VERKLAAR_THEME_SECONDS").map_or(TIME_BUDGET, Duration::from_secs),
            memory: env("VERKLAAR_THEME_MEMORY_MB").map_or(MEMORY_BUDGET, |mb| mb.saturating_mul(1024 * 1024)),
        })
    }
}

/// What the parent sends on the child's stdin.
#[derive(Serialize, Deserialize)]
struct Request {
    template: String,
    name: String,
    slug: String,
    data: String,
    date: String,
}

/// Compiles in a child process; called by [`PdfRenderer::pdf`] when the renderer is isolated.
pub(super) fn compile_isolated(
    iso: &Isolation,
    renderer: &PdfRenderer,
    slug: &str,
    data: Vec<u8>,
    date: Date,
) -> Result<RenderedPdf, RenderError> {
    let fail = |message: String, overrun: Option<Overrun>| RenderError {
        template: renderer.template.clone(),
        slug: Some(slug.to_string()),
        message,
        overrun,
    };
    let request = Request {
        template: renderer.main.text().to_string(),
        name: renderer.template.clone(),
        slug: slug.to_string(),
        data: String::from_utf8(data).map_err(|e| fail(e.to_string(), None))?,
        date: date.to_string(),
    };
    let request = serde_json::to_vec(&request).map_err(|e| fail(e.to_string(), None))?;
    let mut child = Command::new(&iso.exe)
        .arg("pdf-worker")
        .arg("--memory")
        .arg(iso.memory.to_string())
        .arg("--seconds")
        .arg(iso.time.as_secs().max(1).to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail(format!("could not start the PDF worker: {e}"), None))?;
    // Readers on their own threads: a child that fills a pipe must never block on us.
    let (mut stdin, mut stdout, mut stderr) = match (child.stdin.take(), child.stdout.take(), child.stderr.take()) {
        (Some(i), Some(o), Some(e)) => (i, o, e),
        _ => return Err(fail("the PDF worker has no pipes".into(), None)),
    };
    let writer = std::thread::spawn(move || stdin.write_all(&request));
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stdout.read_to_end(&mut buf).map(|_| buf)
    });
    let err = std::thread::spawn(move || {
        let mut buf = String::new();
        stderr.read_to_string(&mut buf).map(|_| buf)
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() >= iso.time => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(fail(format!("waiting for the PDF worker: {e}"), None)),
        }
    };
    // The child is gone, so the pipes close and the threads end.
    let _ = writer.join();
    let stdout = out.join().ok().and_then(Result::ok).unwrap_or_default();
    let stderr = err.join().ok().and_then(Result::ok).unwrap_or_default();
    let seconds = iso.time.as_secs();
    let megabytes = iso.memory / (1024 * 1024);
    let Some(status) = status else {
        return Err(fail(
            format!("the template ran longer than {seconds} s and was stopped"),
            Some(Overrun::Time { seconds }),
        ));
    };
    if status.success() {
        return parse_response(&stdout).ok_or_else(|| fail("the PDF worker gave no PDF".into(), None));
    }
    // Out of address space, Rust aborts ("memory allocation of N bytes failed"); over the
    // CPU limit, the kernel sends SIGXCPU.
    if stderr.contains("memory allocation") || stderr.contains("out of memory") {
        return Err(fail(
            format!("the template used more than {megabytes} MB of memory and was stopped"),
            Some(Overrun::Memory { megabytes }),
        ));
    }
    if killed_by_cpu_limit(&status) {
        return Err(fail(
            format!("the template ran longer than {seconds} s and was stopped"),
            Some(Overrun::Time { seconds }),
        ));
    }
    let message = stderr.trim();
    Err(fail(
        if message.is_empty() {
            format!("the PDF worker stopped ({status})")
        } else {
            message.to_string()
        },
        None,
    ))
}

#[cfg(unix)]
fn killed_by_cpu_limit(status: &std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    // SIGXCPU is 24 on Linux and the BSDs.
    status.signal() == Some(24)
}

#[cfg(not(unix))]
fn killed_by_cpu_limit(_: &std::process::ExitStatus) -> bool {
    false
}

/// The child's stdout: one line naming the conformance, then the PDF.
fn parse_response(bytes: &[u8]) -> Option<RenderedPdf> {
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    let head = std::str::from_utf8(&bytes[..newline]).ok()?;
    let conformance = match head.split_once(' ') {
        None if head == "ua+a2a" => Conformance::UaAndA2a,
        Some(("tagged", reason)) => Conformance::TaggedOnly {
            reason: reason.to_string(),
        },
        _ => return None,
    };
    Some(RenderedPdf {
        bytes: bytes[newline + 1..].to_vec(),
        conformance,
    })
}

/// The child: limits itself, reads one request from stdin, writes the PDF to stdout. Exit 0
/// with a PDF, 1 with the reason on stderr.
pub fn run_child(memory: u64, seconds: u64) -> i32 {
    // Limits first, before the template runs. Where the platform refuses them, the parent's
    // wall-clock budget still holds.
    let _ = rlimit::Resource::AS.set(memory, memory);
    let _ = rlimit::Resource::CPU.set(seconds, seconds + 1);
    let mut input = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut input) {
        eprintln!("reading the request: {e}");
        return 1;
    }
    let request: Request = match serde_json::from_slice(&input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("reading the request: {e}");
            return 1;
        }
    };
    let Some(date) = Date::parse(&request.date) else {
        eprintln!("reading the request: bad date {}", request.date);
        return 1;
    };
    let renderer = match PdfRenderer::from_source(request.template, request.name) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    match renderer.compile_data(&request.slug, request.data.into_bytes(), date) {
        Ok(pdf) => {
            let head = match &pdf.conformance {
                Conformance::UaAndA2a => "ua+a2a".to_string(),
                Conformance::TaggedOnly { reason } => format!("tagged {}", reason.replace('\n', " ")),
            };
            let mut out = std::io::stdout().lock();
            let written = out
                .write_all(head.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .and_then(|()| out.write_all(&pdf.bytes))
                .and_then(|()| out.flush());
            i32::from(written.is_err())
        }
        Err(e) => {
            eprintln!("{}", e.message);
            1
        }
    }
}
