//! Generates the pprof message types (`perftools.profiles`) from the
//! vendored `proto/profile.proto` (google/pprof's published schema) with
//! prost-build. The .proto is parsed by protox, a protobuf compiler in
//! pure Rust, so building needs no `protoc` binary.

fn main() {
    println!("cargo:rerun-if-changed=proto/profile.proto");
    let fds = protox::compile(["profile.proto"], ["proto"])
        .unwrap_or_else(|e| panic!("proto/profile.proto: {e}"));
    prost_build::Config::new()
        .compile_fds(fds)
        .unwrap_or_else(|e| panic!("generating the pprof messages: {e}"));
}
