//! Runs a Python file on the virtual clock and prints what it printed.
//!
//! `pyrun FILE.py` prints each line with its scenario time and stream;
//! `pyrun --explore N FILE.py` runs it N times at ±20 % jitter (what the
//! Explore timings panel does) and prints the outcomes and the time taken.
use std::rc::Rc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (explore, path) = match args.as_slice() {
        [flag, n, path, ..] if flag == "--explore" => (n.parse::<u32>().ok(), path.clone()),
        [path, ..] => (None, path.clone()),
        [] => (None, String::new()),
    };
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let child = std::thread::Builder::new()
        .stack_size(
            std::env::var("PYRUN_STACK_KB")
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
                .map_or(256 << 20, |kb| kb << 10),
        )
        .spawn(move || match explore {
            Some(runs) => {
                let program = match async_playground::python::compile(&src) {
                    Ok(p) => Rc::new(p),
                    Err(e) => return println!("{e:?}"),
                };
                let t0 = std::time::Instant::now();
                let ex = async_playground::runtime::python_host::explore(&program, runs, 20.0, 1);
                let took = t0.elapsed().as_secs_f64() * 1000.0;
                for g in ex.sorted() {
                    println!("{:>5} {}", g.count, g.summary(None));
                }
                println!(
                    "{runs} runs in {took:.1} ms ({:.2} ms a run)",
                    took / f64::from(runs.max(1))
                );
            }
            None => {
                let out = async_playground::python::run_virtual(&src);
                for l in &out.lines {
                    println!("{:>9.3} {} {}", l.at_ms, l.stream, l.text);
                }
                println!("ending: {}", out.ending);
                println!("lanes: {}", out.lanes.join(" | "));
            }
        });
    if let Ok(h) = child {
        let _ = h.join();
    }
}
