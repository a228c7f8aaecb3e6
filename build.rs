//! Build script: on Windows, embeds Ferry's icon (`assets/ferry.ico`) and version information
//! (product name, description, version from Cargo.toml, copyright) into `ferry.exe`, so Explorer,
//! the taskbar and the installer show them. On every other target it does nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/ferry.ico");
    // The build-dependency exists only on Windows hosts (Cargo.toml); the target must be Windows too.
    #[cfg(windows)]
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

#[cfg(windows)]
fn windows_resources() {
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/ferry.ico")
        .set("ProductName", "Ferry")
        .set("FileDescription", "Ferry SFTP client")
        .set("CompanyName", "The Ferry developers")
        .set("LegalCopyright", "The Ferry developers; MIT OR Apache-2.0")
        .set("OriginalFilename", "ferry.exe")
        .set("InternalName", "ferry");
    // Only the ferry binary gets the resources (not the test executables).
    if let Err(err) = res.compile_for("ferry") {
        panic!("embedding the icon and version info into ferry.exe failed: {err}");
    }
}
