//! News outlets and how an article's outlet is recognised (DESIGN §3). The outlets, with
//! their names, aliases, domains and signature phrases, come from `assets/sources.toml`,
//! compiled in and parsed once. A name is resolved folded (hamza forms, ta marbuta, alef
//! maqsura, tashkeel and case do not matter); a path names an outlet by a folder or file
//! name; a raw article names its own outlet only through signatures in its site furniture,
//! never through the outlets it cites (see [`source_from_text`]).

mod detect;
pub(crate) mod fold;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

pub use detect::source_from_text;
use fold::{Marks, fold};

use crate::article::Source;

/// One outlet from assets/sources.toml.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    /// Short stable id (`enabbaladi`, `okaz`), lowercase ASCII.
    pub id: String,
    /// The Arabic name shown to the reader; may be empty for an outlet without one.
    #[serde(default)]
    pub name_ar: String,
    /// The Latin-script name.
    pub name_latin: String,
    /// Other names it goes by, Arabic or Latin.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Its web sites: hosts, or host/path for a section of a larger site (`bbc.com/arabic`).
    #[serde(default)]
    pub domains: Vec<String>,
    /// Phrases only the outlet prints about itself; lines of a multi-line one are joined
    /// with `\n`.
    #[serde(default)]
    pub signatures: Vec<String>,
}

impl Outlet {
    /// As an article's source (id, Arabic name or Latin if none).
    pub fn source(&self) -> Source {
        let name = if self.name_ar.trim().is_empty() {
            &self.name_latin
        } else {
            &self.name_ar
        };
        Source {
            id: self.id.clone(),
            name: name.clone(),
        }
    }

    /// Names a folder or file may carry: the id, Latin name, aliases and domains. The
    /// Arabic names are left out because several are common words (اليوم، المدينة، البيان).
    fn path_names(&self) -> impl Iterator<Item = &str> {
        [self.id.as_str(), self.name_latin.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.domains.iter().map(String::as_str))
    }
}

/// What a folded name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Claim {
    /// The outlet at this index.
    One(usize),
    /// Names more than one outlet, so none.
    Several,
}

/// A web site of an outlet: a host and, for a section of a shared site, a path prefix.
#[derive(Debug)]
struct Site {
    host: String,
    path: String,
    outlet: usize,
}

/// The layout of assets/sources.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    detection: detect::Settings,
    outlet: Vec<Outlet>,
}

/// All outlets.
#[derive(Debug)]
pub struct Outlets {
    outlets: Vec<Outlet>,
    /// Every folded id, name, alias and domain.
    names: HashMap<String, Claim>,
    /// The folded names a path component may carry ([`Outlet::path_names`]).
    path_names: HashMap<String, Claim>,
    /// Folded ids, names and aliases, for [`Outlets::matching_prefix`].
    prefixes: Vec<(String, usize)>,
    sites: Vec<Site>,
    detector: detect::Detector,
}

impl Outlets {
    /// Compiled in (include_str! + toml, parsed once via std::sync::OnceLock; a test
    /// proves the file parses).
    pub fn embedded() -> &'static Outlets {
        static OUTLETS: OnceLock<Outlets> = OnceLock::new();
        OUTLETS.get_or_init(|| {
            Outlets::parse(include_str!("../../assets/sources.toml"))
                .expect("assets/sources.toml is valid (checked by a unit test)")
        })
    }

    /// Outlets from the text of a sources file.
    fn parse(text: &str) -> Result<Outlets, toml::de::Error> {
        let file: SourcesFile = toml::from_str(text)?;
        let outlets = file.outlet;
        let mut names = HashMap::new();
        let mut path_names = HashMap::new();
        let mut prefixes = Vec::new();
        let mut sites = Vec::new();
        for (index, outlet) in outlets.iter().enumerate() {
            let own = [&outlet.id, &outlet.name_ar, &outlet.name_latin];
            for name in own.into_iter().chain(&outlet.aliases) {
                claim(&mut names, name_key(name), index);
                prefixes.push((name_key(name), index));
            }
            for domain in &outlet.domains {
                claim(&mut names, name_key(domain), index);
                sites.push(Site::new(domain, index));
            }
            for name in outlet.path_names() {
                claim(&mut path_names, name_key(name), index);
            }
        }
        names.remove("");
        path_names.remove("");
        prefixes.retain(|(name, _)| !name.is_empty());
        let detector = detect::Detector::new(file.detection, &outlets);
        Ok(Outlets {
            outlets,
            names,
            path_names,
            prefixes,
            sites,
            detector,
        })
    }

    /// Every outlet, in the order of the file.
    pub fn all(&self) -> &[Outlet] {
        &self.outlets
    }

    /// The outlet a name stands for: its id, Arabic or Latin name, an alias or a domain
    /// (compared folded: case, hamza forms of alef, ta marbuta, alef maqsura, tashkeel,
    /// tatweel and punctuation do not matter; a scheme and "www." are ignored), or a URL
    /// on one of its sites. `None` for an unknown name and for one shared by several
    /// outlets, such as a bare "الوطن".
    pub fn resolve(&self, name: &str) -> Option<&Outlet> {
        match self.names.get(&name_key(name)) {
            Some(Claim::One(index)) => Some(&self.outlets[*index]),
            Some(Claim::Several) => None,
            None => {
                let name = name.trim();
                let url_like = name.contains('.') && !name.contains(char::is_whitespace);
                url_like
                    .then(|| self.site_of(name))
                    .flatten()
                    .map(|index| &self.outlets[index])
            }
        }
    }

    /// The outlets with an id, name or alias that starts with `text` (compared folded like
    /// [`Outlets::resolve`]), in file order; empty when `text` has fewer than 3 letters.
    /// For `src:عنب`. A caller should try [`Outlets::resolve`] first, since a full name can
    /// also be the start of another (`alwatan`, `alwatan-sy`).
    pub fn matching_prefix(&self, text: &str) -> Vec<&Outlet> {
        let key = name_key(text);
        if key.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return Vec::new();
        }
        let mut found = vec![false; self.outlets.len()];
        for (name, index) in &self.prefixes {
            if name.starts_with(&key) {
                found[*index] = true;
            }
        }
        self.outlets
            .iter()
            .zip(found)
            .filter_map(|(outlet, found)| found.then_some(outlet))
            .collect()
    }

    /// The index of the outlet whose site `url` (with or without scheme) is on; the most
    /// specific site wins (`bbc.com/arabic` over a bare host).
    fn site_of(&self, url: &str) -> Option<usize> {
        let rest = strip_scheme(url.trim());
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (host, path) = rest.split_at(end);
        let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
        let path = path.trim_start_matches('/');
        self.sites
            .iter()
            .filter(|site| site.matches(&host, path))
            .max_by_key(|site| site.host.len() + site.path.len())
            .map(|site| site.outlet)
    }

    /// The outlet a folder or file name carries: the whole name, or its start up to a
    /// separator (`aljazeera.net_2021-01-18.txt`), the longest such start first.
    fn in_path_component(&self, component: &str) -> Option<usize> {
        let whole = std::iter::once(component.len());
        let starts = component
            .char_indices()
            .rev()
            .filter(|(_, c)| matches!(c, '_' | '-' | '.' | ' '))
            .map(|(at, _)| at);
        whole.chain(starts).find_map(|end| {
            match self.path_names.get(&name_key(&component[..end])) {
                Some(Claim::One(index)) => Some(*index),
                _ => None,
            }
        })
    }
}

impl Site {
    fn new(domain: &str, outlet: usize) -> Site {
        let domain = strip_scheme(domain.trim()).to_ascii_lowercase();
        let (host, path) = domain.split_once('/').unwrap_or((&domain, ""));
        Site {
            host: host.to_owned(),
            path: path.trim_matches('/').to_owned(),
            outlet,
        }
    }

    /// Whether a lowercase host and a path (without its leading `/`) are on this site.
    fn matches(&self, host: &str, path: &str) -> bool {
        let host_matches = host
            .strip_suffix(self.host.as_str())
            .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'));
        let path_matches = self.path.is_empty()
            || path
                .get(..self.path.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(&self.path))
                && path[self.path.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| matches!(c, '/' | '?' | '#'));
        host_matches && path_matches
    }
}

/// The outlet named by a folder or file name in the path (a component equal to an id,
/// alias or domain, or a file-name that starts with one followed by a separator like `_`,
/// `-`, `.`). The component nearest the file wins.
pub fn source_from_path<'a>(path: &str, outlets: &'a Outlets) -> Option<&'a Outlet> {
    path.split(['/', '\\'])
        .rev()
        .filter(|component| !component.is_empty())
        .find_map(|component| outlets.in_path_component(component))
        .map(|index| &outlets.outlets[index])
}

/// Records that `key` names the outlet at `index`.
fn claim(names: &mut HashMap<String, Claim>, key: String, index: usize) {
    names
        .entry(key)
        .and_modify(|claim| {
            if *claim != Claim::One(index) {
                *claim = Claim::Several;
            }
        })
        .or_insert(Claim::One(index));
}

/// A name folded for lookup: scheme, "www." and trailing `/` gone, punctuation as spaces.
fn name_key(name: &str) -> String {
    fold(
        strip_scheme(name.trim()).trim_end_matches('/'),
        Marks::AsSpace,
    )
}

/// `text` without a leading `scheme://` and `www.`.
fn strip_scheme(text: &str) -> &str {
    let text = match text.split_once("://") {
        Some((scheme, rest)) if scheme.chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => text,
    };
    match text.get(..4) {
        Some(www) if www.eq_ignore_ascii_case("www.") => &text[4..],
        _ => text,
    }
}
