//! The web app in headless Chromium, driven over the `DevTools` protocol: the example's five
//! reports pasted into the page give a brief with its timeline; the report reads at phone width
//! without sideways scrolling; a story's page opens; hostile articles run no script. Screenshots
//! are kept under `target/browser-screenshots/`. Skipped with a message when Chromium is absent,
//! failed when `CI=true`.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use headless_chrome::protocol::cdp::Emulation;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, Tab};
use newsbrief_server::Config;

use crate::support::{example_texts, start, MemoryStories};

/// The Chromium binary: `$CHROMIUM`, else the first of the usual names on the path.
fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A headless Chromium of our own, with a fresh profile, ended when dropped.
struct Chromium {
    child: Child,
    browser: Browser,
    _profile: tempfile::TempDir,
}

impl Chromium {
    fn launch(binary: &PathBuf) -> Self {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        // Chromium prints the `DevTools` address on standard error.
        let stderr = BufReader::new(child.stderr.take().unwrap());
        let mut lines = stderr.lines();
        let address = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| line.split_once("DevTools listening on ").map(|(_, ws)| ws.trim().to_owned()))
            .expect("chromium prints its DevTools address");
        // Keep draining its standard error so that it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        let browser = Browser::connect_with_timeout(address, Duration::from_secs(120)).expect("DevTools connects");
        Self { child, browser, _profile: profile }
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where screenshots go: `target/browser-screenshots/`.
fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"), PathBuf::from);
    let dir = target.join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn viewport(tab: &Tab, width: u32, height: u32, mobile: bool) {
    tab.call_method(Emulation::SetDeviceMetricsOverride {
        width,
        height,
        device_scale_factor: 1.0,
        mobile,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .unwrap();
}

/// Evaluates `expression` in the page and gives its value as JSON.
fn eval(tab: &Tab, expression: &str) -> serde_json::Value {
    let wrapped =
        format!("Promise.resolve({expression}).then(value => JSON.stringify(value === undefined ? null : value))");
    let result = tab.evaluate(&wrapped, true).unwrap_or_else(|err| panic!("{expression}: {err}"));
    let json = result.value.and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_else(|| "null".to_owned());
    serde_json::from_str(&json).unwrap()
}

/// Waits until `expression` is true in the page.
fn wait_for(tab: &Tab, expression: &str) {
    for _ in 0..600 {
        if eval(tab, expression) == serde_json::Value::Bool(true) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("gave up waiting for {expression}");
}

/// A screenshot of the whole page (up to 6,000 px tall) at `width`.
fn screenshot(tab: &Tab, name: &str, width: u32, mobile: bool) {
    viewport(tab, width, 800, mobile);
    eval(tab, "(function(){window.scrollTo(0, 0);var f=document.getElementById('report');if(f&&f.contentWindow){f.contentWindow.scrollTo(0, 0);}return null;})()");
    let height = eval(tab, "document.documentElement.scrollHeight").as_u64().unwrap_or(800).min(6000);
    viewport(tab, width, u32::try_from(height).unwrap(), mobile);
    std::thread::sleep(Duration::from_millis(300));
    let png = tab.capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true).unwrap();
    std::fs::write(screenshot_dir().join(name), png).unwrap();
    viewport(tab, width, 800, mobile);
}

/// Pastes `texts` into the app's article fields (adding fields as needed) and asks for the brief.
fn paste_and_brief(tab: &Tab, texts: &[String], first_fields: &[(&str, &str)]) {
    wait_for(tab, "document.querySelectorAll('#articles textarea').length === 2");
    for _ in 2..texts.len() {
        tab.find_element("#add").unwrap().click().unwrap();
    }
    let fields = tab.find_elements("#articles textarea").unwrap();
    assert_eq!(fields.len(), texts.len().max(2));
    for (field, text) in fields.iter().zip(texts) {
        field.click().unwrap();
        // Input.insertText: the whole text at once, as a paste gives it.
        tab.send_character(text).unwrap();
    }
    for (name, value) in first_fields {
        let set = format!("document.querySelector('#articles [name={name}]').value = {}", serde_json::json!(value));
        eval(tab, &set);
    }
    tab.find_element("#go").unwrap().click().unwrap();
    wait_for(tab, "document.body.dataset.briefed === 'yes' || document.getElementById('status').className === 'error'");
    let status = eval(tab, "document.getElementById('status').textContent");
    assert!(status.as_str().unwrap_or("").starts_with("Done"), "{status}");
}

/// True when a page (or the report frame, `frame` true) is no wider than its window.
fn fits(tab: &Tab, frame: bool) -> bool {
    let doc = if frame { "document.getElementById('report').contentDocument" } else { "document" };
    let width = eval(tab, &format!("{doc}.documentElement.scrollWidth"));
    let window = eval(tab, &format!("{doc}.documentElement.clientWidth"));
    width.as_u64() <= window.as_u64()
}

/// Metadata fields are taken as given: markup in them reaches the renderer.
const HOSTILE_FIELD: &str = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script> Geneva";

/// A plain-text article full of markup (the app sends text that starts with `<` as HTML).
const HOSTILE: &str = "Geneva talks <script>window.pwned = 1</script> \"onload=\"window.pwned=1\n\n\
    The minister said \"<script>window.pwned = 1</script>\" was <img src=x onerror=\"window.pwned=1\"> no threat to the talks in Geneva, officials said on Friday.\n\n\
    Ministers from both countries met in Geneva on Friday and agreed <b onmouseover=\"window.pwned=1\">to resume</b> the talks.";

#[test]
fn the_web_app_briefs_pasted_reports_in_chromium() {
    let Some(binary) = find_chromium() else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but no Chromium: install the chromium package");
        eprintln!("skipped: no Chromium found (install Debian's chromium package, or set CHROMIUM)");
        return;
    };
    let addr = start(Config::default(), Arc::new(MemoryStories::default()));
    let chromium = Chromium::launch(&binary);
    let tab = chromium.browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(60));
    viewport(&tab, 1280, 900, false);
    let home = format!("http://{addr}/");

    // The example's five reports, pasted: the brief appears with its timeline.
    tab.navigate_to(&home).unwrap().wait_until_navigated().unwrap();
    paste_and_brief(&tab, &example_texts(), &[]);
    let report = "document.getElementById('report').contentDocument";
    wait_for(&tab, &format!("{report}.querySelectorAll('#timeline svg circle').length > 0"));
    assert_eq!(eval(&tab, &format!("{report}.querySelectorAll('table.sources tbody tr').length")), 5);
    assert!(eval(&tab, &format!("{report}.querySelectorAll('#summary a.cite').length")).as_u64() > Some(2));
    let title = eval(&tab, &format!("{report}.querySelector('h1').textContent"));
    assert!(title.as_str().is_some_and(|t| t.len() > 10), "{title}");
    // A summary mark leads to its sentence, marked in the source's text, which opens.
    let opened = eval(
        &tab,
        &format!(
            "(function(){{var d={report};var a=d.querySelector('#summary a.cite');a.click();\
             var m=d.getElementById(a.getAttribute('href').slice(1));\
             return [m.tagName, m.closest('details').open, m.textContent.length > 20];}})()"
        ),
    );
    assert_eq!(opened, serde_json::json!(["MARK", true, true]));
    screenshot(&tab, "app-desktop.png", 1280, false);
    viewport(&tab, 375, 800, true);
    std::thread::sleep(Duration::from_millis(300));
    assert!(fits(&tab, false) && fits(&tab, true), "the page scrolls sideways at 375 px");
    screenshot(&tab, "app-phone-375.png", 375, true);
    viewport(&tab, 1280, 900, false);

    // Hostile articles: shown as text, and no script of theirs runs.
    tab.navigate_to(&home).unwrap().wait_until_navigated().unwrap();
    paste_and_brief(
        &tab,
        &[HOSTILE.to_owned(), example_texts()[1].clone()],
        &[("title", HOSTILE_FIELD), ("outlet", HOSTILE_FIELD)],
    );
    assert_eq!(eval(&tab, "typeof window.pwned"), "undefined");
    assert_eq!(eval(&tab, "typeof document.getElementById('report').contentWindow.pwned"), "undefined");
    let shown = eval(
        &tab,
        &format!("['Title', 'Outlet'].map(h => {report}.querySelector('table.sources tbody td[data-h=' + h + ']').textContent)"),
    );
    assert_eq!(shown, serde_json::json!([HOSTILE_FIELD, HOSTILE_FIELD]), "the hostile fields are shown as text");
    assert_eq!(eval(&tab, &format!("{report}.querySelectorAll('img, b').length")), 0);
    screenshot(&tab, "app-hostile.png", 1280, false);

    // A story's page, from the store: the report itself, whose own script runs and no other.
    let ingest = format!(
        "fetch('/api/articles', {{method: 'POST', headers: {{'Content-Type': 'application/json'}}, body: JSON.stringify({{articles: {}}})}}).then(r => r.status)",
        serde_json::json!([{"text": HOSTILE, "title": HOSTILE_FIELD, "outlet": HOSTILE_FIELD}, {"text": example_texts()[0]}, {"text": example_texts()[2]}])
    );
    assert_eq!(eval(&tab, &ingest), 200);
    tab.navigate_to(&home).unwrap().wait_until_navigated().unwrap();
    tab.find_element("a[href='/stories/story-1']").unwrap().click().unwrap();
    wait_for(&tab, "location.pathname === '/stories/story-1' && !!document.querySelector('#sources')");
    assert_eq!(eval(&tab, "document.documentElement.dataset.script"), "on", "the report's own script runs");
    assert_eq!(eval(&tab, "typeof window.pwned"), "undefined", "no script of the articles runs");
    assert_eq!(eval(&tab, "document.querySelectorAll('img, b').length"), 0);
    let outlets = eval(&tab, "document.querySelector('table.sources tbody td[data-h=Outlet]').textContent");
    assert_eq!(outlets, HOSTILE_FIELD, "the hostile outlet is shown as text");
    screenshot(&tab, "story-desktop.png", 1280, false);
    viewport(&tab, 375, 800, true);
    std::thread::sleep(Duration::from_millis(300));
    assert!(fits(&tab, false), "the story page scrolls sideways at 375 px");
    screenshot(&tab, "story-phone-375.png", 375, true);
}
