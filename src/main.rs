//! Entry point: the panic hook and the mount, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    async_playground::web::install_panic_hook();
    async_playground::runtime::net::prepare_mock_api();
    leptos::mount::mount_to_body(async_playground::app::App);
    async_playground::web::remove_boot_note();
    async_playground::web::settle::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The playground runs in a browser: see README.md (make serve).");
}
