//! The embed messages of CONTRACT.md section 3, as pure data: which incoming
//! messages are understood (everything else is ignored), how `set-params`
//! applies (validated exactly like the URL), and the JSON of outgoing ones.
//!
//! Every message is an object `{"source": "async-playground", "type": …, …}`.

use super::json::{self, write_key, write_num, write_str, Json};
use super::model::tasks::TaskView;
use super::params::{parse_query, LessonLookup, PageState};

/// The `source` of every message, both ways.
pub const SOURCE: &str = "async-playground";

/// Longest incoming message (as JSON text) that is even looked at.
pub const MAX_MESSAGE_LEN: usize = 64 * 1024;

/// Most parameters one message may set.
pub const MAX_PARAMS: usize = 64;

/// Parameters as URL keys and raw values, in the order given.
pub type RawParams = Vec<(String, String)>;

/// A message the app accepts from its parent.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// Start a run (stopping a live one), after applying `params` if given.
    Run {
        /// Parameters to set first (an extension of the contract).
        params: Option<RawParams>,
    },
    /// Stop the live run.
    Stop,
    /// Set parameters, validated like the URL.
    SetParams {
        /// URL keys and raw values.
        params: RawParams,
    },
}

/// The raw URL value of a JSON scalar: strings as they are, numbers as
/// written in a URL, booleans as `1`/`0`. Objects, arrays and null are not
/// parameter values.
fn raw_value(v: &Json) -> Option<String> {
    match v {
        Json::Str(s) => Some(s.clone()),
        Json::Num(n) => {
            let mut s = String::new();
            write_num(&mut s, *n);
            Some(s)
        }
        Json::Bool(b) => Some(if *b { "1" } else { "0" }.to_string()),
        Json::Null | Json::Arr(_) | Json::Obj(_) => None,
    }
}

fn raw_params(v: &Json) -> Option<RawParams> {
    let Json::Obj(members) = v else { return None };
    if members.len() > MAX_PARAMS {
        return None;
    }
    members
        .iter()
        .map(|(k, v)| {
            let ok = !k.is_empty() && k.len() <= 64;
            ok.then(|| raw_value(v).map(|raw| (k.clone(), raw)))
                .flatten()
        })
        .collect()
}

/// Understands a message, or `None` if it is not one of ours and of the
/// right shape (it is then ignored).
pub fn parse_incoming(msg: &Json) -> Option<Incoming> {
    if msg.get("source")?.as_str()? != SOURCE {
        return None;
    }
    let params = msg.get("params");
    match msg.get("type")?.as_str()? {
        "run" => Some(Incoming::Run {
            params: match params {
                None => None,
                Some(p) => Some(raw_params(p)?),
            },
        }),
        "stop" => Some(Incoming::Stop),
        "set-params" => Some(Incoming::SetParams {
            params: raw_params(params?)?,
        }),
        _ => None,
    }
}

/// [`parse_incoming`] of a JSON text (as `JSON.stringify` gives it).
pub fn parse_incoming_text(text: &str) -> Option<Incoming> {
    if text.len() > MAX_MESSAGE_LEN {
        return None;
    }
    parse_incoming(&json::parse(text)?)
}

/// The page state after a parent's `set-params`, validated exactly as a URL
/// is: the current URL with the given keys replaced, parsed again. Naming
/// another `example` starts from that lesson's defaults. Its `notices` list
/// the corrections.
pub fn apply_params(
    current: &PageState,
    params: &[(String, String)],
    lookup: LessonLookup<'_>,
) -> PageState {
    let new_example = params
        .iter()
        .find(|(k, _)| k == "example")
        .map(|(_, v)| v.trim());
    let switch = new_example.is_some_and(|e| Some(e) != current.example);
    let mut base = current.clone();
    if switch {
        // Keep the page-level keys only; the new lesson starts at its defaults.
        base.example = None;
    }
    let query = base.to_query();
    let mut pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    for (k, v) in params {
        match pairs.iter_mut().find(|(pk, _)| pk == k) {
            Some(slot) => slot.1 = v.clone(),
            None => pairs.push((k.clone(), v.clone())),
        }
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        out.append_pair(k, v);
    }
    parse_query(&out.finish(), lookup)
}

/// The parameters of a page as its URL writes them (the lesson's values,
/// and the speed when it is not 1), without `example` and the page-level
/// flags (`autorun`, `embed`, `theme`, `predict`).
pub fn url_params(page: &PageState) -> Vec<(String, String)> {
    let query = page.to_query();
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .filter(|(k, _)| {
            !matches!(
                k.as_ref(),
                "example" | "autorun" | "embed" | "theme" | "predict"
            )
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn head(kind: &str) -> String {
    let mut s = String::with_capacity(96);
    s.push('{');
    write_key(&mut s, "source");
    write_str(&mut s, SOURCE);
    s.push(',');
    write_key(&mut s, "type");
    write_str(&mut s, kind);
    s
}

fn push_lesson(s: &mut String, example: &str, params: &[(String, String)]) {
    s.push(',');
    write_key(s, "example");
    write_str(s, example);
    s.push(',');
    write_key(s, "params");
    s.push('{');
    for (i, (k, v)) in params.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        write_key(s, k);
        write_str(s, v);
    }
    s.push('}');
}

/// `ready`: the app is up, showing `example` with `params`.
pub fn ready(example: &str, params: &[(String, String)]) -> String {
    let mut s = head("ready");
    push_lesson(&mut s, example, params);
    s.push('}');
    s
}

/// `run-started`.
pub fn run_started(example: &str, params: &[(String, String)]) -> String {
    let mut s = head("run-started");
    push_lesson(&mut s, example, params);
    s.push('}');
    s
}

/// What `run-finished` reports.
#[derive(Clone, Debug)]
pub struct Finished<'a> {
    /// The lesson id.
    pub example: &'a str,
    /// Its parameters, as in the URL.
    pub params: &'a [(String, String)],
    /// How the run ended: `finished`, `stopped` or `deadlock` (an extension).
    pub state: &'a str,
    /// Scenario time at the end, ms.
    pub elapsed_ms: f64,
    /// The tasks as they ended.
    pub tasks: &'a [TaskView],
}

/// `run-finished`: sent however a run ends. Times are whole milliseconds of
/// scenario time, as in the DOM; `end_ms` is `null` for a task that never
/// ended.
pub fn run_finished(f: &Finished<'_>) -> String {
    let mut s = head("run-finished");
    push_lesson(&mut s, f.example, f.params);
    s.push(',');
    write_key(&mut s, "state");
    write_str(&mut s, f.state);
    s.push(',');
    write_key(&mut s, "elapsed_ms");
    write_num(&mut s, f.elapsed_ms.round());
    s.push(',');
    write_key(&mut s, "tasks");
    s.push('[');
    for (i, t) in f.tasks.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push('{');
        write_key(&mut s, "name");
        write_str(&mut s, &t.name);
        s.push(',');
        write_key(&mut s, "state");
        write_str(&mut s, t.state.as_str());
        s.push(',');
        write_key(&mut s, "start_ms");
        write_num(&mut s, t.start_ms.round());
        s.push(',');
        write_key(&mut s, "end_ms");
        match t.end_ms {
            Some(e) => write_num(&mut s, e.round()),
            None => s.push_str("null"),
        }
        s.push('}');
    }
    s.push_str("]}");
    s
}

/// `resize`: the content is `height` CSS pixels tall.
pub fn resize(height: f64) -> String {
    let mut s = head("resize");
    s.push(',');
    write_key(&mut s, "height");
    write_num(&mut s, height.ceil().max(0.0));
    s.push('}');
    s
}

/// What one `prediction` message reports: a learner's answer to one
/// question, scored against the run (see [`predict`](super::predict)).
#[derive(Clone, Debug)]
pub struct Prediction<'a> {
    /// The lesson id (`code` on the "Your code" page).
    pub example: &'a str,
    /// The question's key, stable across wording changes (an extension).
    pub id: &'a str,
    /// The question as asked.
    pub question: &'a str,
    /// The learner's answer, in words.
    pub answer: &'a str,
    /// What the run did, in the same terms.
    pub expected: &'a str,
    /// Whether the answer was right.
    pub correct: bool,
}

/// `prediction`: one scored answer (CONTRACT.md section 3), with the
/// lesson and the question's key as extensions.
pub fn prediction(p: &Prediction<'_>) -> String {
    let mut s = head("prediction");
    for (k, v) in [
        ("example", p.example),
        ("id", p.id),
        ("question", p.question),
        ("answer", p.answer),
        ("expected", p.expected),
    ] {
        s.push(',');
        write_key(&mut s, k);
        write_str(&mut s, v);
    }
    s.push(',');
    write_key(&mut s, "correct");
    s.push_str(if p.correct { "true" } else { "false" });
    s.push('}');
    s
}
