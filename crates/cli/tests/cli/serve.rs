//! `newsbrief serve --db`: the server over a real story store, spoken to over loopback. A
//! stream ingested with `newsbrief ingest` is listed and briefed through the API, and an article
//! posted to `/api/articles` joins its story.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::support::run;

/// A server process, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `newsbrief serve --db DB` on a free loopback port and waits until it listens.
fn serve(db: &str) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
        .args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr is piped")).lines();
    let line = lines.next().expect("the server says where it listens").expect("readable stderr");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    Server { child, addr }
}

/// Sends one HTTP/1.1 request (closing the connection after it); the status and the body.
fn request(server: &Server, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.addr).expect("the server accepts");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        server.addr,
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status line");
    let body = response.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default();
    (status, body)
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|err| panic!("{err}: {body}"))
}

const FLOOD: &str = "Floodwaters rose along the Merrow river in the town of Castlebrook, and engineers opened \
                     the sluices of the Halden dam";
const STRIKE: &str = "The Orvane Motors strike at the Pellham plant entered another day as union leader Dara \
                      Quill rejected the wage offer";

fn line(id: usize, event: &str) -> String {
    let day = 1 + id;
    format!(
        "{{\"id\": \"a{id}\", \"published\": \"2021-03-{day:02}\", \"text\": \"{event}, report number {id} said. \
         A witness, number {id}, described the scene in detail and officials promised an update on day {day}.\"}}\n"
    )
}

#[test]
fn the_server_lists_briefs_and_extends_the_stories_of_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db").display().to_string();
    let input = dir.path().join("in.jsonl");
    let stream: String = (0..6).map(|i| line(i, if i % 2 == 0 { FLOOD } else { STRIKE })).collect();
    std::fs::write(&input, stream).unwrap();
    let ingest = run(&["ingest", "--db", &db, &input.display().to_string()]);
    assert_eq!(ingest.code, 0, "{}", ingest.stderr);

    let server = serve(&db);
    let (status, body) = request(&server, "GET", "/api/stories", "");
    assert_eq!(status, 200, "{body}");
    let stories = json(&body)["stories"].as_array().unwrap().clone();
    assert_eq!(stories.len(), 2, "{body}");
    assert!(stories.iter().all(|story| story["articles"] == 3), "{body}");
    let flood = stories.iter().find(|s| s["title"].as_str().unwrap().contains("Merrow")).expect("the flood story");
    let id = flood["id"].as_str().unwrap();

    let (status, body) = request(&server, "GET", &format!("/api/stories/{id}"), "");
    assert_eq!(status, 200, "{body}");
    let brief: newsbrief::Brief = serde_json::from_str(&body).unwrap();
    assert_eq!(brief.sources.len(), 3);
    assert!(brief.summary.iter().any(|s| s.text.contains("Merrow")), "{body}");

    let late = format!(
        "{{\"articles\": [{{\"published\": \"2021-03-20\", \"text\": \"{FLOOD} again on Saturday, a later report \
         said. Engineers kept the sluices of the dam open overnight as the river crested.\"}}]}}"
    );
    let (status, body) = request(&server, "POST", "/api/articles", &late);
    assert_eq!(status, 200, "{body}");
    let joined = &json(&body)["articles"][0];
    assert_eq!(joined["story"], id, "{body}");
    assert_eq!(joined["new_story"], false, "{body}");
    let (_, again) = request(&server, "POST", "/api/articles", &late);
    assert_eq!(json(&again)["articles"][0]["story"], id, "a duplicate names its story: {again}");

    let (status, body) = request(&server, "GET", &format!("/api/stories/{id}?since=2021-03-15"), "");
    assert_eq!(status, 200, "{body}");
    let update: newsbrief::Brief = serde_json::from_str(&body).unwrap();
    assert!(update.summary.iter().all(|s| !s.text.contains("report number")), "only the new report: {body}");
    assert!(update.summary.iter().any(|s| s.text.contains("crested") || s.text.contains("again")), "{body}");

    let (status, _) = request(&server, "GET", "/api/stories/999", "");
    assert_eq!(status, 404);
    let (status, body) = request(&server, "GET", &format!("/stories/{id}"), "");
    assert_eq!(status, 200);
    assert!(body.contains("Merrow"), "the story page shows its brief");
}

#[test]
fn a_store_that_cannot_be_opened_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("not-a-db");
    std::fs::write(&db, "this is not an SQLite database, just text long enough to be read as a header").unwrap();
    let result = run(&["serve", "--db", &db.display().to_string(), "--addr", "127.0.0.1:0"]);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(result.stderr.contains("not-a-db"), "{}", result.stderr);
}
