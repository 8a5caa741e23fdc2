#!/usr/bin/env python3
"""The agent-based game of `coopsim game --agents N` in vectorised numpy: the benchmark peer.

The same imitation dynamics as coopsim's game ABM (docs/ODD.md, Mean-field companion),
scripted the way the evolutionary-game literature writes it in numpy: both populations
in one (2, N) array, one vectorised update per synchronous sweep.

Two populations, schools (x) and firms (y), of N agents each, play deep (1) or shallow (0).
In every sweep each agent draws a uniformly random peer of its own population and, when
the peer's strategy pays more, copies it with probability |payoff difference| / M, with the
payoffs at the current shares: gain_x = alpha*V*y - (Cs - gs), gain_y = q*(1-alpha)*V*x - (Ce - ge).
M sweeps make one time unit; shares are recorded after every sweep.

    python3 game_abm.py GAME.json --agents 20000 --reps 20 [--M 10] [--seed 1]

Prints one JSON object: the ensemble mean and standard deviation of x and y at each sweep,
and the share of runs ending with both populations at least 90% deep.
"""
import argparse
import json
import sys

import numpy as np


def coefficients(game):
    """a, b, c, d of gain_x = a*y - b and gain_y = c*x - d, from a coopsim game file."""
    g = {"V": 10, "alpha": 0.4, "Cs": 3, "Ce": 5, "gs": 0, "ge": 0, "q": 1, **game}
    return (g["alpha"] * g["V"], g["Cs"] - g["gs"], g["q"] * (1 - g["alpha"]) * g["V"], g["Ce"] - g["ge"])


def run(rng, n, sweeps, M, start, coef):
    """One run; returns the shares (x, y) after each sweep, shape (sweeps + 1, 2)."""
    a, b, c, d = coef
    s = np.zeros((2, n), dtype=np.int8)
    s[0, : round(start[0] * n)] = 1
    s[1, : round(start[1] * n)] = 1
    rows = np.arange(2)[:, None]
    shares = np.empty((sweeps + 1, 2))
    shares[0] = s.mean(axis=1)
    for t in range(sweeps):
        x, y = shares[t]
        gain = np.array([a * y - b, c * x - d])
        to_deep = np.clip(gain / M, 0.0, 1.0)[:, None]
        to_shallow = np.clip(-gain / M, 0.0, 1.0)[:, None]
        peer = s[rows, rng.integers(0, n, size=(2, n))]
        prob = np.where(peer > s, to_deep, np.where(peer < s, to_shallow, 0.0))
        s = np.where(rng.random((2, n)) < prob, peer, s)
        shares[t + 1] = s.mean(axis=1)
    return shares


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("game")
    ap.add_argument("--agents", type=int, required=True)
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--M", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with open(args.game, encoding="utf-8") as f:
        game = json.load(f)
    if "government" in game:
        sys.exit("game_abm.py: only the two-population game (no 'government')")
    sweeps = round(game.get("tmax", 10) * args.M)
    start = (game.get("x0", 0.5), game.get("y0", 0.5))
    coef = coefficients(game)
    rng = np.random.default_rng(args.seed)
    runs = np.stack([run(rng, args.agents, sweeps, args.M, start, coef) for _ in range(args.reps)])
    final = runs[:, -1, :]
    json.dump(
        {
            "agents": args.agents,
            "reps": args.reps,
            "sweeps": sweeps,
            "mean": runs.mean(axis=0).tolist(),
            "sd": (runs.std(axis=0, ddof=1) if args.reps > 1 else np.zeros(runs.shape[1:])).tolist(),
            "endedDeep": float(np.mean(np.all(final >= 0.9, axis=1))),
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
