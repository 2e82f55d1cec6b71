"""The NumPy peer of `cargo xtask bench`: W1 and W2 in NumPy, float32, one thread.

Run by crates/xtask/src/bench/numpy.rs inside the virtual environment it creates
(target/bench-venv), with OPENBLAS_NUM_THREADS=1 and OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE
unset. Each figure does the work of our figure of the same name (web/bench/bench.js,
crates/playground/benches/workloads.rs):

- W1: TensorFlow Playground's 2-class spiral (250 training points, no noise), 2-8-8-1 tanh
  with a tanh output, loss 0.5 * mean((o - y)^2), SGD 0.03, batches of 10 taken in order;
  its 100x100 grid computes every unit's output; a frame is one epoch plus that grid.
- W2: CS231n's 3-class spiral (300 training points, noise 0.2), 2-64-64-3 ReLU, softmax
  cross-entropy, Adam 0.01, full batch; its 200x200 grid is the forward pass to the class
  probabilities ("outputs") or with every hidden layer kept ("maps", the same forward).

Timing as ours: 500 ms of untimed single runs, a count doubled until one run takes a quarter
of the sample length, then the median of the samples. Prints progress to stderr and one
flat JSON object to stdout: the figures, NumPy's version and the OpenBLAS kernel that
threadpoolctl reports.
"""

import json
import math
import sys
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

F32 = np.float32
QUICK = "--quick" in sys.argv
SAMPLES, SAMPLE_MS, WARM_UP_MS = (1, 5.0, 1.0) if QUICK else (9, 150.0, 500.0)


def rate(run):
    """Operations per second of run(n), the median of SAMPLES samples (see the module doc)."""
    warm = time.perf_counter() + WARM_UP_MS / 1000
    run(1)
    while time.perf_counter() < warm:
        run(1)
    n = 1
    while True:
        start = time.perf_counter()
        run(n)
        if (time.perf_counter() - start) * 1000 >= SAMPLE_MS / 4 or n >= 1 << 24:
            break
        n *= 2
    rates = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        run(n)
        rates.append(n / (time.perf_counter() - start))
    rates.sort()
    return rates[len(rates) // 2]


def tfp_spiral(rng):
    """TensorFlow Playground's 2-class spiral, noise 0: 250 points a class, labels +-1,
    shuffled once; the first half trains."""
    points = []
    for label, delta in ((1.0, 0.0), (-1.0, math.pi)):
        for i in range(250):
            r = i / 250 * 5
            t = 1.75 * i / 250 * 2 * math.pi + delta
            points.append((r * math.sin(t), r * math.cos(t), label))
    data = np.array(points, dtype=F32)[rng.permutation(500)]
    return data[:250, :2].copy(), data[:250, 2:].copy()


def cs231n_spiral(rng):
    """CS231n's 3-class spiral, 100 points a class, noise 0.2: x [300, 2], one-hot [300, 3]."""
    xs, labels = [], []
    for label in range(3):
        r = np.linspace(0.0, 1.0, 100)
        t = np.linspace(label * 4, (label + 1) * 4, 100) + rng.standard_normal(100) * 0.2
        xs.append(np.c_[r * np.sin(t), r * np.cos(t)])
        labels += [label] * 100
    onehot = np.eye(3, dtype=F32)[labels]
    return np.concatenate(xs).astype(F32), onehot


def grid(size, extent):
    """size x size points covering [-extent, extent]^2, row by row."""
    axis = np.linspace(-extent, extent, size, dtype=F32)
    gx, gy = np.meshgrid(axis, axis)
    return np.c_[gx.ravel(), gy.ravel()].astype(F32)


class W1:
    """2-8-8-1 tanh, SGD 0.03 on batches of 10 in order."""

    def __init__(self, rng):
        self.x, self.y = tfp_spiral(rng)
        sizes = (2, 8, 8, 1)
        self.w = [rng.uniform(-0.5, 0.5, (a, b)).astype(F32) for a, b in zip(sizes, sizes[1:])]
        self.b = [np.full(b, 0.1, F32) for b in sizes[1:]]
        self.at = 0
        self.points = grid(100, 6.0)

    def step(self):
        x = self.x[self.at:self.at + 10]
        y = self.y[self.at:self.at + 10]
        self.at = (self.at + 10) % 250
        acts = [x]
        for w, b in zip(self.w, self.b):
            acts.append(np.tanh(acts[-1] @ w + b))
        grad = (acts[-1] - y) / F32(len(x))
        for layer in range(2, -1, -1):
            delta = grad * (F32(1) - acts[layer + 1] ** 2)
            grad = delta @ self.w[layer].T
            self.w[layer] -= F32(0.03) * (acts[layer].T @ delta)
            self.b[layer] -= F32(0.03) * delta.sum(axis=0)

    def maps(self):
        out = self.points
        layers = []
        for w, b in zip(self.w, self.b):
            out = np.tanh(out @ w + b)
            layers.append(out)
        return layers


class W2:
    """2-64-64-3 ReLU, softmax cross-entropy, Adam 0.01, full batch."""

    def __init__(self, rng):
        self.x, self.y = cs231n_spiral(rng)
        sizes = (2, 64, 64, 3)
        self.params = []
        for a, b in zip(sizes, sizes[1:]):
            self.params += [(rng.standard_normal((a, b)) * math.sqrt(2 / a)).astype(F32),
                            np.zeros(b, F32)]
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.t = 0
        self.points = grid(200, 1.5)

    def forward(self, x):
        w1, b1, w2, b2, w3, b3 = self.params
        h1 = np.maximum(x @ w1 + b1, F32(0))
        h2 = np.maximum(h1 @ w2 + b2, F32(0))
        return h1, h2, h2 @ w3 + b3

    def step(self):
        _, _, w2, _, w3, _ = self.params
        h1, h2, logits = self.forward(self.x)
        probs = softmax(logits)
        d3 = (probs - self.y) / F32(len(self.x))
        d2 = (d3 @ w3.T) * (h2 > 0)
        d1 = (d2 @ w2.T) * (h1 > 0)
        grads = [self.x.T @ d1, d1.sum(axis=0), h1.T @ d2, d2.sum(axis=0), h2.T @ d3,
                 d3.sum(axis=0)]
        self.t += 1
        correction1 = F32(1 - 0.9 ** self.t)
        correction2 = F32(1 - 0.999 ** self.t)
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m *= F32(0.9)
            m += F32(0.1) * g
            v *= F32(0.999)
            v += F32(0.001) * g * g
            p -= F32(0.01) * (m / correction1) / (np.sqrt(v / correction2) + F32(1e-8))

    def outputs(self):
        return softmax(self.forward(self.points)[2])

    def maps(self):
        h1, h2, logits = self.forward(self.points)
        return h1, h2, softmax(logits)


def softmax(logits):
    """Row-wise softmax."""
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def repeat(action):
    """A run(n) that calls action n times."""
    def run(n):
        for _ in range(n):
            action()
    return run


def main():
    blas = [pool for pool in threadpool_info() if pool.get("user_api") == "blas"]
    kernel = ",".join(f"{p.get('internal_api')} {p.get('architecture')}" for p in blas)
    say = lambda text: print(f"numpy: {text}", file=sys.stderr, flush=True)
    say(f"NumPy {np.__version__}, BLAS {kernel or 'unknown'}, "
        f"{WARM_UP_MS:g} ms warm-up and {SAMPLES} samples of >= {SAMPLE_MS:g} ms per figure")
    with threadpool_limits(limits=1):
        rng = np.random.default_rng(12345)
        w1, w2 = W1(rng), W2(rng)

        def frame():
            for _ in range(25):
                w1.step()
            w1.maps()

        figures = {
            "w1TrainStepsPerSecond": rate(repeat(w1.step)),
            "w1GridPerSecond": rate(repeat(w1.maps)),
            "w1FrameMs": 1000 / rate(repeat(frame)),
            "w2TrainStepsPerSecond": rate(repeat(w2.step)),
            "w2GridPerSecond": rate(repeat(w2.outputs)),
            "w2GridMapsPerSecond": rate(repeat(w2.maps)),
        }
        threads = [p.get("num_threads") for p in threadpool_info() if p.get("user_api") == "blas"]
    figures["numpyVersion"] = np.__version__
    figures["openblasKernel"] = kernel or "unknown"
    figures["blasThreads"] = ",".join(map(str, threads)) or "unknown"
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
