//! What the words lab's views read from a session: cosine similarities, a
//! word's nearest neighbours, analogies (a − b + c), a 2-D projection of all
//! the vectors on their two principal axes, co-occurrence counts, and the
//! figures the lab promises (the group score, 猫/狗 against 猫/汽车, the
//! king − man + woman analogy). Reads the input vectors only; nothing here trains.

use alloc::vec::Vec;

use super::session::WordsSession;

/// A word and its cosine similarity to the word asked about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Neighbour {
    /// The word's id.
    pub id: usize,
    /// The cosine similarity.
    pub similarity: f32,
}

/// The lab's figures for the built-in texts, whose groups they are read from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// The share of the group words whose nearest neighbour is in their group.
    pub group_neighbours: f32,
    /// cos(猫, 狗): two animals.
    pub similar_pair: f32,
    /// cos(猫, 汽车): an animal and a vehicle.
    pub distant_pair: f32,
    /// Where 王后 ranks among the answers to 国王 − 男人 + 女人 (1 is first).
    pub analogy_rank: usize,
}

/// The group of the animals, whose first two words are 猫 and 狗.
const ANIMALS: usize = 0;
/// The group of the vehicles, whose first word is 汽车.
const VEHICLES: usize = 4;
/// The people: 国王 王后 男人 女人, in that order.
const PEOPLE: usize = 5;
/// Power iterations for each principal axis.
const POWER_STEPS: usize = 60;

impl WordsSession {
    /// The words, a word's id being its index.
    pub fn vocabulary(&self) -> &[alloc::string::String] {
        &self.corpus.vocabulary
    }

    /// The input vector of every word, `[vocab, dim]` row by row.
    pub fn vectors(&self) -> &[f32] {
        let len = self.corpus.vocabulary.len() * self.config.words.dim;
        &self.tables[0].data()[..len]
    }

    /// Both tables as trained, the input vectors (with CBOW's padding row)
    /// then the output vectors: what the golden tests hash.
    pub fn all_vectors(&self) -> Vec<f32> {
        let [input, output] = &self.tables;
        input.data().iter().chain(output.data()).copied().collect()
    }

    /// The input vector of word `id`.
    pub fn vector(&self, id: usize) -> &[f32] {
        let dim = self.config.words.dim;
        &self.vectors()[id * dim..][..dim]
    }

    /// The cosine similarity of words `a` and `b` (0 when either vector is 0).
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        cosine(self.vector(a), self.vector(b))
    }

    /// The `count` words nearest to `id` by cosine, nearest first, itself excluded.
    pub fn neighbours(&self, id: usize, count: usize) -> Vec<Neighbour> {
        let target: Vec<f32> = self.vector(id).to_vec();
        self.nearest(&target, &[id], count)
    }

    /// The `count` words nearest to `a − b + c` (each a unit vector), the
    /// three themselves excluded: 国王 − 男人 + 女人 should find 王后.
    pub fn analogy(&self, a: usize, b: usize, c: usize, count: usize) -> Vec<Neighbour> {
        let (ua, ub, uc) = (
            unit(self.vector(a)),
            unit(self.vector(b)),
            unit(self.vector(c)),
        );
        let target: Vec<f32> = (0..ua.len()).map(|i| ua[i] - ub[i] + uc[i]).collect();
        self.nearest(&target, &[a, b, c], count)
    }

    /// The words nearest to `target`, leaving out `excluded`.
    fn nearest(&self, target: &[f32], excluded: &[usize], count: usize) -> Vec<Neighbour> {
        let mut all: Vec<Neighbour> = (0..self.corpus.vocabulary.len())
            .filter(|id| !excluded.contains(id))
            .map(|id| Neighbour {
                id,
                similarity: cosine(target, self.vector(id)),
            })
            .collect();
        all.sort_by(|x, y| y.similarity.total_cmp(&x.similarity).then(x.id.cmp(&y.id)));
        all.truncate(count);
        all
    }

    /// How often each word of the vocabulary appears within the window of
    /// word `id`, over the whole text.
    pub fn cooccurrences(&self, id: usize) -> Vec<u32> {
        let window = self.config.words.window;
        let mut counts = alloc::vec![0; self.corpus.vocabulary.len()];
        for sentence in &self.corpus.sentences {
            for (at, &word) in sentence.iter().enumerate() {
                if word as usize != id {
                    continue;
                }
                let around = at.saturating_sub(window)..(at + window + 1).min(sentence.len());
                for j in around.filter(|&j| j != at) {
                    counts[sentence[j] as usize] += 1;
                }
            }
        }
        counts
    }

    /// Every word's place on the two principal axes of the unit vectors:
    /// the flat picture that keeps the most of their spread. Each axis points
    /// so that its largest component is positive.
    pub fn projection(&self) -> Vec<[f32; 2]> {
        let dim = self.config.words.dim;
        let units: Vec<Vec<f64>> = (0..self.corpus.vocabulary.len())
            .map(|id| {
                unit(self.vector(id))
                    .iter()
                    .map(|&v| f64::from(v))
                    .collect()
            })
            .collect();
        let count = units.len().max(1) as f64;
        let mean: Vec<f64> = (0..dim)
            .map(|i| units.iter().map(|u| u[i]).sum::<f64>() / count)
            .collect();
        let centred: Vec<Vec<f64>> = units
            .iter()
            .map(|u| u.iter().zip(&mean).map(|(v, m)| v - m).collect())
            .collect();
        let mut covariance = alloc::vec![0.0; dim * dim];
        for row in &centred {
            for i in 0..dim {
                for j in 0..dim {
                    covariance[i * dim + j] += row[i] * row[j];
                }
            }
        }
        let first = principal_axis(&covariance, dim, None);
        let second = principal_axis(&covariance, dim, Some(&first));
        centred
            .iter()
            .map(|row| [dot64(row, &first) as f32, dot64(row, &second) as f32])
            .collect()
    }

    /// The word group of `id` in the built-in text's groups, if it has one.
    pub fn group_of(&self, id: usize) -> Option<usize> {
        let word = self.corpus.vocabulary.get(id)?;
        self.corpus
            .groups
            .iter()
            .position(|group| group.words.contains(&word.as_str()))
    }

    /// The lab's figures, for the built-in texts (`None` for a pasted text,
    /// which has no groups).
    pub fn summary(&self) -> Option<Summary> {
        let groups = self.corpus.groups;
        let id =
            |group: usize, index: usize| self.corpus.id(groups.get(group)?.words.get(index)?);
        let (cat, dog, car) = (id(ANIMALS, 0)?, id(ANIMALS, 1)?, id(VEHICLES, 0)?);
        let [king, queen, man, woman] = [0, 1, 2, 3].map(|i| id(PEOPLE, i));
        let (king, queen, man, woman) = (king?, queen?, man?, woman?);
        let members: Vec<(usize, usize)> = groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| group.words.iter().map(move |w| (g, *w)))
            .filter_map(|(g, word)| Some((g, self.corpus.id(word)?)))
            .collect();
        let in_group = members
            .iter()
            .filter(|&&(g, id)| {
                let nearest = self.neighbours(id, 1);
                nearest.first().and_then(|n| self.group_of(n.id)) == Some(g)
            })
            .count();
        let answers = self.analogy(king, man, woman, self.corpus.vocabulary.len());
        let rank = answers
            .iter()
            .position(|n| n.id == queen)
            .map_or(answers.len(), |at| at + 1);
        Some(Summary {
            group_neighbours: in_group as f32 / members.len().max(1) as f32,
            similar_pair: self.similarity(cat, dog),
            distant_pair: self.similarity(cat, car),
            analogy_rank: rank,
        })
    }
}

/// The cosine of the angle between `a` and `b`, 0 when either is 0.
fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot = |x: &[f32], y: &[f32]| x.iter().zip(y).map(|(p, q)| p * q).sum::<f32>();
    let norms = libm::sqrtf(dot(a, a)) * libm::sqrtf(dot(b, b));
    if norms > 0.0 { dot(a, b) / norms } else { 0.0 }
}

/// `v` scaled to length 1 (0 stays 0).
fn unit(v: &[f32]) -> Vec<f32> {
    let norm = libm::sqrtf(v.iter().map(|x| x * x).sum());
    v.iter()
        .map(|x| if norm > 0.0 { x / norm } else { 0.0 })
        .collect()
}

fn dot64(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(p, q)| p * q).sum()
}

/// The leading eigenvector of the symmetric `covariance` (`dim x dim`), or
/// with `after` given the leading one orthogonal to it, by power iteration
/// from a fixed start; its largest component is made positive.
fn principal_axis(covariance: &[f64], dim: usize, after: Option<&[f64]>) -> Vec<f64> {
    let mut axis: Vec<f64> = (0..dim).map(|i| 1.0 + i as f64 / dim as f64).collect();
    for _ in 0..POWER_STEPS {
        if let Some(first) = after {
            let along = dot64(&axis, first);
            axis.iter_mut()
                .zip(first)
                .for_each(|(a, f)| *a -= along * f);
        }
        let next: Vec<f64> = (0..dim)
            .map(|i| dot64(&covariance[i * dim..][..dim], &axis))
            .collect();
        let norm = libm::sqrt(dot64(&next, &next));
        if norm == 0.0 {
            break;
        }
        axis = next.iter().map(|v| v / norm).collect();
    }
    let largest = axis
        .iter()
        .copied()
        .max_by(|a, b| a.abs().total_cmp(&b.abs()))
        .unwrap_or(0.0);
    if largest < 0.0 {
        axis.iter_mut().for_each(|a| *a = -*a);
    }
    axis
}
