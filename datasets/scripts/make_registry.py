# Writes datasets/src/main/resources/io/gnn4j/datasets/cache/registry.tsv, the download locations and SHA-256 of the
# files each dataset name needs, from the manifest of ../shared/datasets (README.md): every file there is a
# byte-for-byte copy of a public file at a pinned commit, so its URL is that commit's raw file and its hash is known
# (and re-checked here against the local copy). Files not in the collection get their well-known public URL and the
# hash "unknown" (never a guessed one). Run from the repository root: python3 datasets/scripts/make_registry.py
import hashlib
import os
import re

SHARED = os.path.join('..', 'shared', 'datasets')
OUT = 'datasets/src/main/resources/io/gnn4j/datasets/cache/registry.tsv'

rows = {}
for line in open(os.path.join(SHARED, 'README.md'), encoding='utf-8'):
    m = re.match(r'\| `([^`]+)` \| [\d,]+ \| `([0-9a-f]{64})` \| (\S+) \| `([^`]+)` \| `([0-9a-f]{40})`', line)
    if m:
        rows[m.group(1)] = m.groups()[1:]
archives = {}
for repo, path, sha in re.findall(r'^- (\S+) `([^`]+\.zip)`: sha256 `([0-9a-f]{64})`',
                                  open(os.path.join(SHARED, 'README.md'), encoding='utf-8').read(), re.M):
    archives[(repo, path)] = sha


def sha256(rel):
    h = hashlib.sha256()
    with open(os.path.join(SHARED, rel), 'rb') as f:
        h.update(f.read())
    return h.hexdigest()


out = []
seen_archives = set()


def pinned(rel):
    sha, repo, src, commit = rows[rel]
    assert sha256(rel) == sha, rel
    folder = rel.split('/')[0]
    if '!/' in src:
        archive, member = src.split('!/')
        zip_rel = folder + '/' + os.path.basename(archive)
        if (folder, zip_rel) not in seen_archives:
            seen_archives.add((folder, zip_rel))
            out.append((folder, zip_rel, f'https://raw.githubusercontent.com/{repo}/{commit}/{archive}',
                        archives[(repo, archive)]))
        out.append((folder, rel, f'zip:{zip_rel}!/{member}', sha))
    else:
        out.append((folder, rel, f'https://raw.githubusercontent.com/{repo}/{commit}/{src}', sha))



def files(prefix, exclude=('README',)):
    return sorted(r for r in rows if r.startswith(prefix) and not os.path.basename(r).startswith(exclude))


for ds in ('cora', 'citeseer'):
    for rel in files(f'{ds}/planetoid/') + files(f'{ds}/geom-gcn/splits/'):
        pinned(rel)
for suffix in ('x', 'y', 'tx', 'ty', 'allx', 'ally', 'graph', 'test.index'):
    out.append(('pubmed', f'pubmed/planetoid/ind.pubmed.{suffix}',
                f'https://github.com/kimiyoung/planetoid/raw/master/data/ind.pubmed.{suffix}', 'unknown'))
for rel in files('pubmed/geom-gcn/splits/'):
    pinned(rel)
for ds in ('cora_ml', 'polblogs'):
    pinned(f'{ds}/npz/{ds}.npz')
for ds in ('texas', 'wisconsin', 'film'):
    for rel in files(f'{ds}/geom-gcn/'):
        pinned(rel)
for ds, f in (('cornell', 'cornell'), ('chameleon', 'chameleon'), ('squirrel', 'squirrel'), ('tolokers', 'tolokers'),
              ('minesweeper', 'minesweeper')):
    pinned(f'{ds}/heterophilous-graphs/{f}.npz')
for ds in ('MUTAG', 'PROTEINS', 'ENZYMES', 'NCI1', 'IMDB-BINARY'):
    for rel in files(f'{ds}/', exclude=('README',)):
        pinned(rel)
pinned('karate/karate.adjlist')
for rel in files('ml-100k/'):
    pinned(rel)
pinned('blogcatalog/blogcatalog.mat')
# MovieLens-1M and ml-latest-small are not in shared/datasets: GroupLens's own archives, hashes unknown.
for ds, member in (('ml-1m', 'ratings.dat'), ('ml-latest-small', 'ratings.csv')):
    out.append((ds, f'{ds}/{ds}.zip', f'https://files.grouplens.org/datasets/movielens/{ds}.zip', 'unknown'))
    out.append((ds, f'{ds}/{member}', f'zip:{ds}/{ds}.zip!/{ds}/{member}', 'unknown'))

with open(OUT, 'w', encoding='utf-8') as f:
    f.write('# Written by datasets/scripts/make_registry.py; see DatasetRegistry. Columns (tab-separated):\n')
    f.write('# dataset folder, file under GNN4J_DATA, URL (or zip:<archive>!/<member>), SHA-256 or "unknown"\n')
    for r in out:
        f.write('\t'.join(r) + '\n')
print(len(out), 'files,', sum(1 for r in out if r[3] == 'unknown'), 'with unknown hash')
