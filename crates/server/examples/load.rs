//! Load test over loopback: concurrent clients (32 by default) for a fixed time (30 s) on
//! `POST /api/brief` with the shipped example's five reports, then, when the server has a story
//! store, on `GET /api/stories/{id}`. Reports requests per second, p50/p99 latency, errors, and
//! the server's resident memory after warm-up and at the end. Bounded in time; stops by itself.
//!
//! ```sh
//! cargo build --release -p newsbrief-cli
//! cargo run --release -p newsbrief-server --example load -- --server target/release/newsbrief
//! ```
//!
//! `--server BIN` starts `BIN serve` on a free loopback port (and stops it at the end); or give
//! `--addr 127.0.0.1:PORT --pid PID` of a server already running on this machine. Options:
//! `--clients N`, `--seconds S`, `--warmup S`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{header, Method, Request};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

struct Options {
    server: Option<PathBuf>,
    addr: Option<SocketAddr>,
    pid: Option<u32>,
    clients: usize,
    seconds: u64,
    warmup: u64,
}

fn options() -> Result<Options, String> {
    let mut options = Options { server: None, addr: None, pid: None, clients: 32, seconds: 30, warmup: 5 };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |err: &dyn std::fmt::Display| format!("{flag} {value}: {err}");
        match flag.as_str() {
            "--server" => options.server = Some(PathBuf::from(&value)),
            "--addr" => options.addr = Some(value.parse().map_err(|e| bad(&e))?),
            "--pid" => options.pid = Some(value.parse().map_err(|e| bad(&e))?),
            "--clients" => options.clients = value.parse().map_err(|e| bad(&e))?,
            "--seconds" => options.seconds = value.parse().map_err(|e| bad(&e))?,
            "--warmup" => options.warmup = value.parse().map_err(|e| bad(&e))?,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if options.server.is_none() && (options.addr.is_none() || options.pid.is_none()) {
        return Err("give --server BIN, or --addr ADDR --pid PID".to_owned());
    }
    if options.addr.is_some_and(|addr| !addr.ip().is_loopback()) {
        return Err("the load test only targets loopback addresses".to_owned());
    }
    Ok(options)
}

/// The resident memory of process `pid`, in KiB.
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The example's reports as the body of `POST /api/brief`.
fn example_body() -> Bytes {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/reset");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    let articles: Vec<serde_json::Value> =
        paths.iter().map(|path| serde_json::json!({"text": std::fs::read_to_string(path).unwrap()})).collect();
    Bytes::from(serde_json::json!({"articles": articles}).to_string())
}

/// One request; its status (0 for a transport error) and how long it took.
type Sample = (u16, Duration);

async fn request(
    sender: &mut hyper::client::conn::http1::SendRequest<Full<Bytes>>,
    addr: SocketAddr,
    method: &Method,
    path: &str,
    body: &Bytes,
) -> Result<u16, String> {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, addr.to_string())
        .header(header::CONTENT_TYPE, "application/json")
        .body(Full::new(body.clone()))
        .map_err(|e| e.to_string())?;
    sender.ready().await.map_err(|e| e.to_string())?;
    let response = sender.send_request(request).await.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    response.into_body().collect().await.map_err(|e| e.to_string())?;
    Ok(status)
}

async fn connect(addr: SocketAddr) -> Result<hyper::client::conn::http1::SendRequest<Full<Bytes>>, String> {
    let stream = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    let (sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    Ok(sender)
}

/// `clients` clients, each on its own kept-alive connection, sending one request after another
/// until `until`.
async fn hammer(
    addr: SocketAddr,
    clients: usize,
    until: Instant,
    method: Method,
    path: String,
    body: Bytes,
) -> Vec<Sample> {
    let path = Arc::new(path);
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (method, path, body) = (method.clone(), Arc::clone(&path), body.clone());
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut sender = None;
            while Instant::now() < until {
                let started = Instant::now();
                if sender.is_none() {
                    sender = connect(addr).await.ok();
                }
                let status = match sender.as_mut() {
                    Some(s) => request(s, addr, &method, &path, &body).await.unwrap_or(0),
                    None => 0,
                };
                if status == 0 {
                    sender = None;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                samples.push((status, started.elapsed()));
            }
            samples
        }));
    }
    let mut samples = Vec::new();
    for task in tasks {
        samples.extend(task.await.unwrap_or_default());
    }
    samples
}

/// The `percent`th percentile of sorted latencies, in milliseconds (nearest rank).
fn percentile(sorted: &[Duration], percent: usize) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n => sorted[((n - 1) * percent).div_ceil(100).min(n - 1)].as_secs_f64() * 1000.0,
    }
}

fn report(name: &str, samples: &[Sample], seconds: f64, ok_status: u16) -> serde_json::Value {
    let errors = samples.iter().filter(|(status, _)| *status != ok_status).count();
    let mut latencies: Vec<Duration> = samples.iter().map(|(_, d)| *d).collect();
    latencies.sort_unstable();
    let value = serde_json::json!({
        "route": name,
        "requests": samples.len(),
        "errors": errors,
        "requests_per_second": (samples.len() as f64 / seconds * 10.0).round() / 10.0,
        "p50_ms": (percentile(&latencies, 50) * 10.0).round() / 10.0,
        "p99_ms": (percentile(&latencies, 99) * 10.0).round() / 10.0,
    });
    eprintln!("{name}: {value}");
    value
}

/// The server's memory in MiB every 10 s while `sampling` holds, to see its trend and not only
/// two points.
fn sample_memory(pid: u32, sampling: Arc<AtomicBool>) -> std::thread::JoinHandle<Vec<u64>> {
    std::thread::spawn(move || {
        let mut samples = Vec::new();
        while sampling.load(Ordering::Relaxed) {
            samples.push(rss_kib(pid).unwrap_or(0) / 1024);
            for _ in 0..100 {
                if !sampling.load(Ordering::Relaxed) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        samples
    })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[allow(clippy::print_stdout, reason = "the result is the program's output")]
fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("load: {message}");
            std::process::exit(2);
        }
    };
    let mut child: Option<Child> = None;
    let (addr, pid) = if let Some(server) = &options.server {
        let addr = SocketAddr::from(([127, 0, 0, 1], free_port()));
        let spawned = Command::new(server)
            .args(["serve", "--addr", &addr.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|err| panic!("{}: {err}", server.display()));
        let pid = spawned.id();
        child = Some(spawned);
        (addr, pid)
    } else {
        (options.addr.unwrap(), options.pid.unwrap())
    };
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = sample_memory(pid, Arc::clone(&sampling));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let result = runtime.block_on(async {
        // Wait for the server.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(mut sender) = connect(addr).await {
                if request(&mut sender, addr, &Method::GET, "/healthz", &Bytes::new()).await == Ok(200) {
                    break;
                }
            }
            assert!(Instant::now() < deadline, "the server did not answer /healthz within 30 s");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let body = example_body();
        let warm = Instant::now() + Duration::from_secs(options.warmup);
        hammer(addr, options.clients, warm, Method::POST, "/api/brief".to_owned(), body.clone()).await;
        let rss_warm = rss_kib(pid);
        let started = Instant::now();
        let until = started + Duration::from_secs(options.seconds);
        let samples = hammer(addr, options.clients, until, Method::POST, "/api/brief".to_owned(), body.clone()).await;
        let seconds = started.elapsed().as_secs_f64();
        let rss_end = rss_kib(pid);
        let mut routes = vec![report("POST /api/brief", &samples, seconds, 200)];

        // A stored story, when the server has a store.
        let mut sender = connect(addr).await.expect("connects");
        let stories_status = request(&mut sender, addr, &Method::GET, "/api/stories", &Bytes::new()).await;
        if stories_status == Ok(200) {
            let ingest = request(&mut sender, addr, &Method::POST, "/api/articles", &body).await;
            eprintln!("ingest: {ingest:?}");
            // The story id is taken from the listing.
            let listing = Request::builder()
                .uri("/api/stories")
                .header(header::HOST, addr.to_string())
                .body(Full::new(Bytes::new()))
                .unwrap();
            sender.ready().await.unwrap();
            let response = sender.send_request(listing).await.unwrap();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            let listed: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
            if let Some(id) = listed["stories"][0]["id"].as_str() {
                let started = Instant::now();
                let until = started + Duration::from_secs(options.seconds);
                let path = format!("/api/stories/{id}");
                let samples = hammer(addr, options.clients, until, Method::GET, path, Bytes::new()).await;
                routes.push(report("GET /api/stories/{id}", &samples, started.elapsed().as_secs_f64(), 200));
            }
        } else {
            eprintln!("GET /api/stories/{{id}}: not measured, the server has no store ({stories_status:?})");
        }
        let growth = match (rss_warm, rss_end) {
            (Some(warm), Some(end)) if warm > 0 => Some(((end as f64 / warm as f64 - 1.0) * 1000.0).round() / 10.0),
            _ => None,
        };
        serde_json::json!({
            "clients": options.clients,
            "seconds": options.seconds,
            "routes": routes,
            "rss_after_warmup_kib": rss_warm,
            "rss_end_kib": rss_end,
            "rss_growth_percent": growth,
        })
    });
    sampling.store(false, Ordering::Relaxed);
    let mut result = result;
    result["rss_every_10s_mib"] = serde_json::json!(sampler.join().unwrap_or_default());
    if let Some(mut child) = child {
        let _ = child.kill();
        let _ = child.wait();
    }
    println!("{result}");
}
