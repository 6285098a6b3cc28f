//! The browser module's memory allocator: power-of-two size classes with a free list each, on
//! top of a bump pointer into memory grown with `memory.grow`. It replaces std's dlmalloc, which
//! weighs about 2 KB more gzipped. The module is single-threaded (wasm32 without atomics). A block
//! is at most twice its request, and a freed block is kept for requests of its class: memory is
//! the peak of each class together, never returned to the browser (nor is dlmalloc's). A check
//! allocates much the same sizes each time, so checking again reuses the blocks of the last one.
//!
//! The logic is the [`Heap`] over a [`Memory`], so that native tests run it on a buffer.

use std::alloc::Layout;

/// Blocks are 16 << class bytes, aligned to 16.
const MIN: usize = 16;
const CLASSES: usize = usize::BITS as usize - 4;
const ALIGN: usize = 16;

/// Linear memory: its end, and growing it.
pub(crate) trait Memory {
    /// Current size in bytes.
    fn size(&self) -> usize;
    /// Grows by at least `bytes`; false when it cannot.
    fn grow(&mut self, bytes: usize) -> bool;
}

pub(crate) struct Heap<M> {
    memory: M,
    /// Head of each class's free list (0: empty); a free block holds the next one's address.
    free: [usize; CLASSES],
    next: usize,
    end: usize,
}

fn class(size: usize) -> usize {
    let size = size.max(MIN);
    (usize::BITS - (size - 1).leading_zeros()) as usize - 4
}

impl<M: Memory> Heap<M> {
    pub(crate) const fn new(memory: M) -> Self {
        Heap {
            memory,
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// # Safety
    /// As `GlobalAlloc::alloc`; the memory must be this heap's alone from its first use.
    pub(crate) unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        if layout.align() > ALIGN {
            // Never freed to a class (its alignment could not be kept); not used by this crate.
            return self.bump(layout.size(), layout.align());
        }
        let class = class(layout.size());
        if class >= CLASSES {
            return std::ptr::null_mut();
        }
        let head = self.free[class];
        if head != 0 {
            self.free[class] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        self.bump(MIN << class, ALIGN)
    }

    /// # Safety
    /// As `GlobalAlloc::dealloc`.
    pub(crate) unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        if layout.align() > ALIGN {
            return;
        }
        let class = class(layout.size());
        unsafe { *(ptr as *mut usize) = self.free[class] };
        self.free[class] = ptr as usize;
    }

    /// # Safety
    /// As `GlobalAlloc::realloc`.
    pub(crate) unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        if layout.align() <= ALIGN && class(layout.size()) == class(size) {
            return ptr;
        }
        let Ok(new) = Layout::from_size_align(size, layout.align()) else {
            return std::ptr::null_mut();
        };
        let moved = unsafe { self.alloc(new) };
        if !moved.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(size));
                self.dealloc(ptr, layout);
            }
        }
        moved
    }

    fn bump(&mut self, size: usize, align: usize) -> *mut u8 {
        if self.next == 0 {
            self.next = self.memory.size();
            self.end = self.next;
        }
        let Some((start, end)) = self
            .next
            .checked_add(align - 1)
            .map(|n| n & !(align - 1))
            .and_then(|start| Some((start, start.checked_add(size)?)))
        else {
            return std::ptr::null_mut();
        };
        if end > self.end {
            // At least 1 MiB at a time: fewer `memory.grow` calls.
            let more = (end - self.end).max(1 << 20);
            if !self.memory.grow(more) {
                return std::ptr::null_mut();
            }
            self.end = self.memory.size();
        }
        self.next = end;
        start as *mut u8
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{Heap, Memory};
    use std::alloc::{GlobalAlloc, Layout};
    use std::arch::wasm32;
    use std::cell::UnsafeCell;

    const PAGE: usize = 65536;

    pub struct Pages;

    impl Memory for Pages {
        fn size(&self) -> usize {
            wasm32::memory_size(0) * PAGE
        }

        fn grow(&mut self, bytes: usize) -> bool {
            wasm32::memory_grow(0, bytes.div_ceil(PAGE)) != usize::MAX
        }
    }

    pub struct Global(UnsafeCell<Heap<Pages>>);

    // wasm32-unknown-unknown without atomics has one thread.
    unsafe impl Sync for Global {}

    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { (*self.0.get()).alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { (*self.0.get()).dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
            unsafe { (*self.0.get()).realloc(ptr, layout, size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Global = Global(UnsafeCell::new(Heap::new(Pages)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Memory in a fixed buffer of real memory, so the heap's addresses are valid here too.
    struct Buffer {
        start: usize,
        len: usize,
        capacity: usize,
    }

    impl Memory for Buffer {
        fn size(&self) -> usize {
            self.start + self.len
        }

        fn grow(&mut self, bytes: usize) -> bool {
            if self.len + bytes > self.capacity {
                return false;
            }
            self.len += bytes;
            true
        }
    }

    fn heap(capacity: usize) -> (Heap<Buffer>, Vec<u128>) {
        let backing = vec![0u128; capacity / 16];
        let start = backing.as_ptr() as usize;
        let heap = Heap::new(Buffer {
            start,
            len: 0,
            capacity,
        });
        (heap, backing)
    }

    #[test]
    fn classes() {
        assert_eq!(class(1), 0);
        assert_eq!(class(16), 0);
        assert_eq!(class(17), 1);
        assert_eq!(class(32), 1);
        assert_eq!(class(33), 2);
        assert_eq!(class(1 << 20), 16);
        assert_eq!(MIN << class(1_000_000), 1 << 20);
    }

    /// Random allocations, reallocations and frees: blocks are aligned, never overlap, keep
    /// their contents, and freed blocks are used again.
    #[test]
    fn blocks_stay_apart_and_keep_their_bytes() {
        let (mut heap, _backing) = heap(64 << 20);
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut random = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let fill =
            |ptr: *mut u8, len: usize, byte: u8| unsafe { std::ptr::write_bytes(ptr, byte, len) };
        let intact = |ptr: *const u8, len: usize, byte: u8| unsafe {
            std::slice::from_raw_parts(ptr, len)
                .iter()
                .all(|&b| b == byte)
        };
        let mut reused = 0;
        for step in 0..20_000 {
            let size = match random(10) {
                0 => 1 + random(100_000),
                1..=3 => 1 + random(2_000),
                _ => 1 + random(64),
            };
            let align = [1, 2, 4, 8, 16][random(5)];
            match random(4) {
                0 | 1 => {
                    let layout = Layout::from_size_align(size, align).unwrap();
                    let before = heap.next;
                    let ptr = unsafe { heap.alloc(layout) };
                    assert!(!ptr.is_null());
                    assert_eq!(ptr as usize % align, 0);
                    if heap.next == before {
                        reused += 1;
                    }
                    let byte = (step % 251) as u8;
                    fill(ptr, size, byte);
                    live.push((ptr, layout, byte));
                }
                2 if !live.is_empty() => {
                    let (ptr, layout, byte) = live.swap_remove(random(live.len()));
                    assert!(intact(ptr, layout.size(), byte));
                    unsafe { heap.dealloc(ptr, layout) };
                }
                _ if !live.is_empty() => {
                    let i = random(live.len());
                    let (ptr, layout, byte) = live[i];
                    let moved = unsafe { heap.realloc(ptr, layout, size) };
                    assert!(!moved.is_null());
                    assert!(intact(moved, layout.size().min(size), byte));
                    fill(moved, size, byte);
                    live[i] = (
                        moved,
                        Layout::from_size_align(size, layout.align()).unwrap(),
                        byte,
                    );
                }
                _ => {}
            }
        }
        for &(ptr, layout, byte) in &live {
            assert!(intact(ptr, layout.size(), byte));
        }
        let mut spans: Vec<(usize, usize)> = live
            .iter()
            .map(|&(p, l, _)| (p as usize, p as usize + (MIN << class(l.size()))))
            .collect();
        spans.sort();
        assert!(
            spans.windows(2).all(|w| w[0].1 <= w[1].0),
            "overlapping blocks"
        );
        assert!(reused > 1000, "freed blocks are used again ({reused})");
    }

    #[test]
    fn out_of_memory_is_null() {
        let (mut heap, _backing) = heap(4 << 20);
        let big = Layout::from_size_align(5 << 20, 8).unwrap();
        assert!(unsafe { heap.alloc(big) }.is_null()); // its 8 MiB block does not fit
        let small = Layout::from_size_align(100, 8).unwrap();
        assert!(!unsafe { heap.alloc(small) }.is_null());
        let over = Layout::from_size_align(64, 64).unwrap();
        let ptr = unsafe { heap.alloc(over) };
        assert_eq!(ptr as usize % 64, 0);
    }
}
