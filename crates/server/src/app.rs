//! The web app: `GET /` (the stories of the store, and a form to paste or drop articles and see
//! their brief as the HTML report) and `GET /stories/{id}` (a story's report). Pages are built
//! with `maud`, which escapes every interpolated string.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use newsbrief::OutputFormat;

use crate::api::{rendered, run_blocking, stored_brief, BriefQuery};
use crate::error::ApiError;
use crate::stories::{StoreError, StorySummary};
use crate::AppState;

const STYLE: &str = r"
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2330}
header,main{max-width:62rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.5rem;margin:1rem 0 .2rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #d9dde5}
.muted{color:#5b6475}
fieldset{border:1px solid #d9dde5;border-radius:.4rem;margin:.6rem 0;padding:.5rem .7rem}
textarea,input{font:inherit;width:100%;max-width:100%;padding:.3rem;border:1px solid #b8bfcc;border-radius:.3rem}
textarea{min-height:7rem;resize:vertical}
label{display:block;margin:.3rem 0}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.6rem 0}
.row label{width:auto}
.row input{width:7rem}
button{font:inherit;padding:.35rem .9rem;border-radius:.3rem;border:1px solid #1f5fbf;background:#fff;color:#1f5fbf;cursor:pointer}
button.primary{background:#1f5fbf;color:#fff}
.drop{border:2px dashed #b8bfcc;border-radius:.4rem;padding:1rem;text-align:center;color:#5b6475}
.drop.over{border-color:#1f5fbf;background:#eef3fb}
#status{min-height:1.5em}
#status.error{color:#b3541e}
iframe{width:100%;border:1px solid #d9dde5;border-radius:.4rem;min-height:20rem}
ul.stories{padding-left:1.2rem}
";

/// The app's script: builds article fields, reads dropped files, posts the articles and shows
/// the report. Every text it shows goes through `textContent`; the report is the server's HTML.
const SCRIPT: &str = r"
(function(){
var list=document.getElementById('articles'),template=document.getElementById('article-template');
function add(text){var node=template.content.firstElementChild.cloneNode(true);list.appendChild(node);
 renumber();if(text){node.querySelector('textarea').value=text;}return node;}
function renumber(){list.querySelectorAll('fieldset').forEach(function(f,i){f.querySelector('legend').textContent='Article '+(i+1);});}
list.addEventListener('click',function(e){if(e.target.classList.contains('remove')){e.target.closest('fieldset').remove();renumber();}});
document.getElementById('add').addEventListener('click',function(){add('').querySelector('textarea').focus();});
function readFiles(files){Array.prototype.forEach.call(files,function(file){var r=new FileReader();
 r.onload=function(){var empty=Array.prototype.find.call(list.querySelectorAll('textarea'),function(t){return !t.value.trim();});
  if(empty){empty.value=r.result;}else{add(r.result);}};r.readAsText(file);});}
var drop=document.getElementById('drop');
drop.addEventListener('dragover',function(e){e.preventDefault();drop.classList.add('over');});
drop.addEventListener('dragleave',function(){drop.classList.remove('over');});
drop.addEventListener('drop',function(e){e.preventDefault();drop.classList.remove('over');readFiles(e.dataTransfer.files);});
document.getElementById('files').addEventListener('change',function(e){readFiles(e.target.files);});
var status=document.getElementById('status'),frame=document.getElementById('report'),download=document.getElementById('download');
function say(text,error){status.textContent=text;status.className=error?'error':'';}
function fit(){try{var d=frame.contentDocument;if(d&&d.body){frame.style.height=(d.documentElement.scrollHeight+24)+'px';}}catch(e){}}
frame.addEventListener('load',function(){fit();try{frame.contentDocument.addEventListener('toggle',fit,true);}catch(e){}});
document.getElementById('brief-form').addEventListener('submit',function(e){e.preventDefault();delete document.body.dataset.briefed;
 var articles=[];list.querySelectorAll('fieldset').forEach(function(f){var body=f.querySelector('textarea').value;
  if(!body.trim()){return;}var a={};if(/^\s*</.test(body)){a.html=body;}else{a.text=body;}
  ['title','outlet','published','url'].forEach(function(k){var v=f.querySelector('[name='+k+']').value.trim();if(v){a[k]=v;}});
  articles.push(a);});
 if(!articles.length){say('Paste at least one article.',true);return;}
 var request={articles:articles},words=parseInt(document.getElementById('words').value,10);if(words>0){request.words=words;}
 var headers={'Content-Type':'application/json'},token=document.getElementById('token');
 if(token&&token.value){headers.Authorization='Bearer '+token.value;}
 say('Briefing '+articles.length+' article'+(articles.length===1?'':'s')+'…');
 fetch('/api/brief?format=html',{method:'POST',headers:headers,body:JSON.stringify(request)}).then(function(r){
  return r.text().then(function(body){if(!r.ok){var m=body;try{m=JSON.parse(body).error;}catch(x){}throw new Error(m||r.statusText);}return body;});
 }).then(function(page){
  // A blob address rather than srcdoc: links to anchors within the report then work as on any page.
  if(download.href){URL.revokeObjectURL(download.href);}var url=URL.createObjectURL(new Blob([page],{type:'text/html'}));
  download.href=url;download.hidden=false;frame.hidden=false;frame.src=url;
  frame.addEventListener('load',function done(){frame.removeEventListener('load',done);
   say('Done: the brief of '+articles.length+' article'+(articles.length===1?'':'s')+'.');document.body.dataset.briefed='yes';});
 }).catch(function(err){say('Error: '+err.message,true);});});
add('');add('');
})();
";

fn layout(title: &str, body: &Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body { (body) }
        }
    }
}

fn story_list(stories: &Result<Vec<StorySummary>, ApiError>) -> Markup {
    html! {
        section #stories {
            h2 { "Stories" }
            @match stories {
                Err(err) if err.message == "no store" => {
                    p.muted { "No story store: start the server with " code { "--db FILE" } " to keep stories." }
                }
                Err(err) => { p.muted { "The stories could not be listed: " (err.message) } }
                Ok(stories) if stories.is_empty() => { p.muted { "The store holds no story yet." } }
                Ok(stories) => {
                    ul.stories {
                        @for story in stories {
                            li {
                                a href=(format!("/stories/{}", percent(&story.id))) {
                                    (story.title.as_deref().unwrap_or(story.id.as_str()))
                                }
                                " " span.muted { "· " (story.articles) " article" (if story.articles == 1 { "" } else { "s" })
                                    @if let (Some(first), Some(last)) = (&story.first, &story.last) { " · " (first) " to " (last) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Percent-encodes a path segment.
fn percent(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// `GET /`: the web app.
pub(crate) async fn index(State(state): State<AppState>) -> Response {
    let stories = Arc::clone(&state.stories);
    let listed = run_blocking(&state, move || {
        stories.list().map_err(|err| match err {
            StoreError::Unavailable => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "no store"),
            other => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        })
    })
    .await;
    let max_words = state.limits.max_words;
    let body = html! {
        header {
            h1 { "newsbrief" }
            p.muted { "Several reports of one story in, one sourced brief out: every sentence links to its place in its source." }
        }
        main {
            (story_list(&listed))
            section #new {
                h2 { "Brief some articles" }
                noscript { p { "This form needs script. Without it, post JSON to " code { "/api/brief" } "." } }
                form #brief-form {
                    div #articles {}
                    template #article-template {
                        fieldset.article {
                            legend { "Article" }
                            textarea name="body" aria-label="Article text or HTML"
                                placeholder="Paste the article's text (or its HTML page)" {}
                            details {
                                summary.muted { "Title, outlet, date, address (optional)" }
                                label { "Title " input name="title" type="text"; }
                                label { "Outlet " input name="outlet" type="text"; }
                                label { "Published " input name="published" type="date"; }
                                label { "Address " input name="url" type="url"; }
                            }
                            button.remove type="button" { "Remove" }
                        }
                    }
                    div #drop .drop {
                        "Drop text or HTML files here, or "
                        label style="display:inline" { "choose files " input #files type="file" multiple
                            accept=".txt,.html,.htm,text/plain,text/html" style="width:auto"; }
                    }
                    div.row {
                        button #add type="button" { "Add an article" }
                        label { "Words " input #words type="number" min="1" max=(max_words) value=(newsbrief::DEFAULT_WORDS); }
                        @if state.token.is_some() {
                            label { "Token " input #token type="password" autocomplete="off"; }
                        }
                        button #go .primary type="submit" { "Brief" }
                    }
                    p #status role="status" aria-live="polite" {}
                }
                p { a #download download="brief.html" hidden { "Download the report as one HTML file" } }
                iframe #report title="The brief" sandbox="allow-same-origin allow-popups" hidden {}
            }
        }
        script { (PreEscaped(SCRIPT)) }
    };
    Html(layout("newsbrief", &body).into_string()).into_response()
}

/// `GET /stories/{id}`: the story's HTML report.
pub(crate) async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<BriefQuery>,
) -> Response {
    let result = match query.since() {
        Ok(since) => stored_brief(&state, id, since).await,
        Err(err) => Err(err),
    };
    match result.and_then(|brief| rendered(&brief, OutputFormat::Html)) {
        Ok(page) => page,
        Err(err) => {
            let body = html! { header { h1 { "newsbrief" } } main { p { (err.message) } p { a href="/" { "Back" } } } };
            (err.status, Html(layout("newsbrief: error", &body).into_string())).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(percent("a1-b_c.d~"), "a1-b_c.d~");
        assert_eq!(percent("a/b c\"<"), "a%2Fb%20c%22%3C");
    }
}
