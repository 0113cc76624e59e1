//! Runs a Python file on the virtual clock and prints what it printed.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let out = async_playground::python::run_virtual(&src);
            for l in &out.lines {
                println!("{:>9.3} {} {}", l.at_ms, l.stream, l.text);
            }
            println!("ending: {}", out.ending);
        });
    if let Ok(h) = child {
        let _ = h.join();
    }
}
