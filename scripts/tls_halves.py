#!/usr/bin/env python3
"""Per topic and per tuning half, the scores of a run_tls.py or run_updates.py run.

Usage: tls_halves.py RUN_OUTPUT   (the file holding a run's printed output; its last line is the JSON)

The timeline and update-brief settings were tuned on the topics whose SHA-256 of the Timeline17
topic name is odd ("tune"), and checked on the others ("check"); this prints both halves. For
run_tls.py the means are news-tls's (F of the mean precision and mean recall over the half's
timelines); for run_updates.py, the mean ROUGE-2 F1 (x100) over the half's timesteps, per command.
"""
import hashlib, json, sys

# run_updates.py names events, run_tls.py topics: the update events of the Timeline17 topics.
EVENT_TOPIC = {'bp_oil_spill': 'bpoil', 'egyptian_crisis': 'EgyptianProtest', 'haitian_earthquake': 'haiti',
               'syrian_crisis': 'SyrianCrisis'}


def half(topic):
    return 'tune' if int(hashlib.sha256(topic.encode()).hexdigest(), 16) % 2 else 'check'


def tls(run):
    keys = [('align_m1', 'rouge_1', 'AR1'), ('align_m1', 'rouge_2', 'AR2'), ('date', None, 'dateF1')]
    groups = {}
    for task in run['per_task']:
        for g in (task['folder'], half(task['folder']), 'all'):
            groups.setdefault(g, []).append(task)
    for name, tasks in sorted(groups.items(), key=lambda kv: (kv[0] in ('tune', 'check', 'all'), kv[0])):
        cells = []
        for kind, metric, label in keys:
            scores = [t['scores'][kind][metric] if metric else t['scores'][kind] for t in tasks]
            p = sum(s['p'] for s in scores) / len(scores)
            r = sum(s['r'] for s in scores) / len(scores)
            cells.append(f'{label} {2 * p * r / (p + r) if p + r else 0:.4f}')
        seconds = sum(t['seconds'] for t in tasks) / len(tasks)
        print(f'{name:16} {len(tasks):3} timelines  ' + '  '.join(cells) + f'  {seconds:.2f} s/timeline')


def updates(run):
    groups = {}
    for event, scores in run['events'].items():
        topic = EVENT_TOPIC.get(event, event)
        for g in (event, half(topic), 'all'):
            groups.setdefault(g, []).append(scores)
    for name, events in sorted(groups.items(), key=lambda kv: (kv[0] in ('tune', 'check', 'all'), kv[0])):
        cells = []
        for c in events[0]:
            tasks = sum(e[c]['tasks'] for e in events)
            r2 = sum(e[c]['rouge2'] * e[c]['tasks'] for e in events) / tasks if tasks else 0.0
            cells.append(f'{c} R2 {r2:.2f}')
        print(f'{name:20} {sum(e["lead"]["tasks"] for e in events):3} steps  ' + '  '.join(cells))


def main():
    run = json.loads(open(sys.argv[1], encoding='utf-8').read().strip().splitlines()[-1])
    (tls if 'data_dir' in run else updates)(run)


if __name__ == '__main__':
    main()
