//! The threads of a load. One walks the paths and queues each input it finds; the
//! workers (as many as [`LoadOptions::workers`]) take inputs and read them into chunks
//! of raw entries; the calling thread puts the built parts back in order and hands them
//! to the sink in batches.
//!
//! A worker reading a file offers each chunk to the others through the queue and goes on
//! reading; idle workers build chunks before they open another input, so that one large
//! file keeps every core busy. The queue holds a few chunks at most: when it is full the
//! reader builds the chunk itself, which bounds the raw text in memory and never blocks.
//! The last chunk of an input is always built by its reader: a small file then never
//! changes threads.

use std::collections::VecDeque;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use super::entry::{Chunk, Content, RawEntry};
use super::order::{Key, Part, Reorder};
use super::read::{Input, read_input};
use super::walk::{Walked, walk_roots};
use super::{Batch, LoadOptions, Progress};

/// What a load reads.
pub(super) enum Inputs<'a> {
    /// Files, folders and `-`, as the user gave them.
    Paths(&'a [PathBuf]),
    /// One file's content, held in memory, as if it were at the relative path `name`.
    Memory { name: &'a str, bytes: &'a [u8] },
}

/// A chunk is handed on once it holds this many entries…
const CHUNK_ENTRIES: usize = 256;
/// …or this many bytes of them.
const CHUNK_BYTES: usize = 1024 * 1024;
/// A batch takes what has arrived, up to this many articles.
const BATCH_ARTICLES: usize = 4096;

/// Runs a load to its end, or until `sink` breaks.
pub(super) fn run(
    inputs: Inputs<'_>,
    options: LoadOptions,
    mut sink: impl FnMut(Batch) -> ControlFlow<()>,
) {
    let workers = options.workers.get();
    // With one worker nobody would take a shared chunk: it builds its own.
    let queue = Queue::new(2 * (workers - 1));
    let (sender, receiver) = channel();
    std::thread::scope(|scope| {
        let queue = &queue;
        let walk_sender = sender.clone();
        scope.spawn(move || {
            let _walking = Walking(queue);
            walk(inputs, queue, &walk_sender);
        });
        for _ in 0..workers {
            let sender = sender.clone();
            scope.spawn(move || work(queue, &sender));
        }
        drop(sender);
        collect(&receiver, queue, &mut sink);
    });
}

/// Numbers every input in walk order and queues it; problems go straight to the results.
fn walk<'a>(inputs: Inputs<'a>, queue: &Queue<'a>, results: &Sender<Part>) {
    let mut number = 0;
    let mut found = |walked: Walked| {
        if queue.is_cancelled() {
            return ControlFlow::Break(());
        }
        let key = Key {
            input: number,
            part: 0,
        };
        number += 1;
        match walked {
            Walked::File(file) => queue.push_input(key.input, Input::File(file)),
            Walked::Stdin => queue.push_input(key.input, Input::Stdin),
            Walked::Skipped(skipped) => {
                let part = Part {
                    key,
                    last: true,
                    articles: Vec::new(),
                    skipped: vec![skipped],
                };
                let _ = results.send(part);
            }
        }
        ControlFlow::Continue(())
    };
    match inputs {
        Inputs::Paths(paths) => walk_roots(paths, &mut found),
        Inputs::Memory { name, bytes } => queue.push_input(0, Input::Memory { name, bytes }),
    }
}

/// A worker: builds shared chunks, else reads the next input, until nothing is left.
fn work(queue: &Queue<'_>, results: &Sender<Part>) {
    while let Some(job) = queue.next() {
        match job {
            Job::Build(chunk) => {
                let _ = results.send(chunk.build());
            }
            Job::Read(number, input) => {
                let _reading = Reading(queue);
                let mut chunker = Chunker {
                    queue,
                    results,
                    input: number,
                    part: 0,
                    entries: Vec::new(),
                    bytes: 0,
                };
                read_input(input, &mut chunker);
                chunker.finish();
            }
        }
    }
}

/// Puts the parts in order and hands them to `sink`, taking into each batch whatever
/// has arrived meanwhile: small batches while the workers are behind, large ones when
/// they are ahead.
fn collect(
    receiver: &Receiver<Part>,
    queue: &Queue<'_>,
    sink: &mut impl FnMut(Batch) -> ControlFlow<()>,
) {
    let mut reorder = Reorder::default();
    let mut progress = Progress::default();
    while let Ok(part) = receiver.recv() {
        let mut batch = Batch::default();
        reorder.add(part, &mut batch.articles, &mut batch.skipped);
        while batch.articles.len() < BATCH_ARTICLES {
            match receiver.try_recv() {
                Ok(part) => reorder.add(part, &mut batch.articles, &mut batch.skipped),
                Err(_) => break,
            }
        }
        if batch.articles.is_empty() && batch.skipped.is_empty() {
            continue;
        }
        progress.articles += batch.articles.len();
        progress.skipped += batch.skipped.len();
        batch.progress = progress;
        if sink(batch).is_break() {
            queue.cancel();
            return;
        }
    }
    // Every sender is gone. Parts still waiting mean a worker panicked before its input
    // was done; the scope passes its panic on.
    if reorder.is_waiting() {
        queue.cancel();
    }
}

/// Entries being read from one input, handed on in chunks.
pub(super) struct Chunker<'q, 'a> {
    queue: &'q Queue<'a>,
    results: &'q Sender<Part>,
    input: u64,
    part: u32,
    entries: Vec<RawEntry>,
    bytes: usize,
}

impl Chunker<'_, '_> {
    /// Adds the next entry.
    pub(super) fn push(&mut self, entry: RawEntry) {
        self.bytes += match &entry.content {
            Content::Text(bytes) | Content::Json { bytes, .. } => bytes.len(),
            Content::Problem(_) => 0,
        };
        self.entries.push(entry);
        if self.entries.len() >= CHUNK_ENTRIES || self.bytes >= CHUNK_BYTES {
            self.hand_on();
        }
    }

    /// Hands on what has been read, before a read that may wait (a pipe whose writer is
    /// slow): what is there is shown meanwhile.
    pub(super) fn pause(&mut self) {
        if !self.entries.is_empty() {
            self.hand_on();
        }
    }

    /// Whether the load was stopped: reading should end.
    pub(super) fn is_cancelled(&self) -> bool {
        self.queue.is_cancelled()
    }

    fn take_chunk(&mut self, last: bool) -> Chunk {
        let chunk = Chunk {
            key: Key {
                input: self.input,
                part: self.part,
            },
            last,
            entries: std::mem::take(&mut self.entries),
        };
        self.part += 1;
        self.bytes = 0;
        chunk
    }

    fn hand_on(&mut self) {
        let chunk = self.take_chunk(false);
        if let Err(chunk) = self.queue.share(chunk) {
            let _ = self.results.send(chunk.build());
        }
    }

    /// Builds the last chunk (perhaps empty: it marks the input's end).
    fn finish(mut self) {
        let chunk = self.take_chunk(true);
        let _ = self.results.send(chunk.build());
    }
}

/// What a worker does next.
enum Job<'a> {
    Build(Chunk),
    Read(u64, Input<'a>),
}

/// The work waiting, shared by the walk and the workers.
struct Queue<'a> {
    state: Mutex<State<'a>>,
    changed: Condvar,
    cancelled: AtomicBool,
    /// Chunks the queue holds at most.
    room: usize,
}

struct State<'a> {
    inputs: VecDeque<(u64, Input<'a>)>,
    chunks: VecDeque<Chunk>,
    /// The walk may still queue inputs.
    walking: bool,
    /// Inputs being read: they may still share chunks.
    reading: usize,
}

impl<'a> Queue<'a> {
    fn new(room: usize) -> Self {
        Self {
            state: Mutex::new(State {
                inputs: VecDeque::new(),
                chunks: VecDeque::new(),
                walking: true,
                reading: 0,
            }),
            changed: Condvar::new(),
            cancelled: AtomicBool::new(false),
            room,
        }
    }

    // A worker that panicked has left the state consistent (every change is one step),
    // and the scope passes its panic on: the others may go on.
    fn lock(&self) -> MutexGuard<'_, State<'a>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn push_input(&self, number: u64, input: Input<'a>) {
        self.lock().inputs.push_back((number, input));
        self.changed.notify_one();
    }

    /// Queues a chunk for another worker, or gives it back when the queue is full.
    fn share(&self, chunk: Chunk) -> Result<(), Chunk> {
        let mut state = self.lock();
        if state.chunks.len() >= self.room {
            return Err(chunk);
        }
        state.chunks.push_back(chunk);
        drop(state);
        self.changed.notify_one();
        Ok(())
    }

    /// The next job, waiting for one; `None` when everything is done or the load stopped.
    fn next(&self) -> Option<Job<'a>> {
        let mut state = self.lock();
        loop {
            if self.is_cancelled() {
                return None;
            }
            if let Some(chunk) = state.chunks.pop_front() {
                return Some(Job::Build(chunk));
            }
            if let Some((number, input)) = state.inputs.pop_front() {
                state.reading += 1;
                return Some(Job::Read(number, input));
            }
            if !state.walking && state.reading == 0 {
                return None;
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        // Under the lock, so that no worker is between its check and its wait.
        drop(self.lock());
        self.changed.notify_all();
    }
}

/// Marks the walk done when dropped, even by a panic: waiting workers may then finish.
struct Walking<'q, 'a>(&'q Queue<'a>);

impl Drop for Walking<'_, '_> {
    fn drop(&mut self) {
        self.0.lock().walking = false;
        self.0.changed.notify_all();
    }
}

/// Marks one input read when dropped, after its last chunk was sent.
struct Reading<'q, 'a>(&'q Queue<'a>);

impl Drop for Reading<'_, '_> {
    fn drop(&mut self) {
        self.0.lock().reading -= 1;
        self.0.changed.notify_all();
    }
}
