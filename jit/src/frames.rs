//! Call sites of mapped code, for walking the native stack of compiled
//! frames (Go's tracebacks): every call instruction's return address, the
//! bytes its frame had pushed below its own return address when it made
//! the call, and the Go frames (function, pc) the call is made at, inlined
//! ones first. Go's runtime finds the same facts in its `pclntab` (a
//! function's frame size at a pc, its inline tree).
//!
//! A stack is walked outward from a return address whose slot is known:
//! the site it names says where the frame's own return address is
//! ([`next_slot`]); the walk stops at a site without a tag (the entry
//! trampoline) or at an address that is no site at all.
//!
//! Each [`CompiledCode`](crate::CompiledCode) with call sites registers
//! them here while it is mapped.

use crate::masm::{CallSite, NO_MAP, NO_TAG};
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

/// Go frames per location tag, as (function, pc) pairs.
type Locations = Arc<[Arc<[(u32, u32)]>]>;

/// One mapped code region's call sites, sorted by return address (as
/// offsets from `start`), and its locations.
struct Region {
    end: usize,
    sites: Box<[CallSite]>,
    locations: Locations,
    maps: Arc<[Arc<[u32]>]>,
}

static REGIONS: RwLock<BTreeMap<usize, Region>> = RwLock::new(BTreeMap::new());

/// A registered region; unregisters it when dropped (with its code).
#[derive(Debug)]
pub(crate) struct Registration(usize);

/// Registers the call sites of the code at `start..start + len`.
pub(crate) fn register(
    start: usize,
    len: usize,
    calls: &[CallSite],
    locations: &[Box<[(u32, u32)]>],
    maps: &[Box<[u32]>],
) -> Registration {
    let mut sites: Vec<CallSite> = calls.to_vec();
    sites.sort_unstable_by_key(|s| s.ret);
    let region = Region {
        end: start + len,
        sites: sites.into_boxed_slice(),
        locations: locations.iter().map(|l| Arc::from(&l[..])).collect(),
        maps: maps.iter().map(|m| Arc::from(&m[..])).collect(),
    };
    REGIONS
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(start, region);
    Registration(start)
}

impl Drop for Registration {
    fn drop(&mut self) {
        let gone = REGIONS
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.0);
        drop(gone);
    }
}

/// A call site found by its return address.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Bytes its frame had pushed when it made the call.
    pub depth: i32,
    /// The Go frames the call is made at, inlined ones first (empty for a
    /// trampoline's call).
    pub frames: Arc<[(u32, u32)]>,
    /// The return address's offset in its code.
    pub offset: usize,
    /// Bytes the frame register stood above the calling frame at the call
    /// ([`CallSite::frame_off`](crate::masm::CallSite)).
    pub frame_off: i32,
    /// The calling frame holds only its bytecode slots.
    pub bytecode_frame: bool,
    /// The calling frame's words holding live pointers at the call (from
    /// its first slot), when its code has stack maps.
    pub map: Option<Arc<[u32]>>,
}

/// The call site that returns to `ret`, if some mapped code has one.
pub fn call_site(ret: u64) -> Option<Frame> {
    let ret = ret as usize;
    let regions = REGIONS.read().unwrap_or_else(|e| e.into_inner());
    let (&start, r) = regions.range(..=ret).next_back()?;
    if ret >= r.end {
        return None;
    }
    let off = ret - start;
    let at = r.sites.binary_search_by_key(&off, |s| s.ret).ok()?;
    let s = r.sites[at];
    let frames = if s.tag == NO_TAG {
        Arc::from([])
    } else {
        r.locations.get(s.tag as usize)?.clone()
    };
    Some(Frame {
        depth: s.depth,
        frames,
        offset: off,
        frame_off: s.frame_off,
        bytecode_frame: s.bytecode_frame,
        map: (s.map != NO_MAP)
            .then(|| r.maps.get(s.map as usize).cloned())
            .flatten(),
    })
}

/// Where the return address of the frame that made the call `site` is,
/// given where the call's own return address is (`slot`).
pub fn next_slot(slot: u64, site: &Frame) -> u64 {
    slot + 8 + site.depth as u64
}
