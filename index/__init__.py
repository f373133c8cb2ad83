"""Build the index: ingest, clean, chunk, extract, embed and store articles.

torch is imported here, before anything can import faiss: with faiss first, two OpenMP
runtimes compete and query embedding was measured twice as slow.

OpenMP threads sleep when idle instead of spinning (unless OMP_WAIT_POLICY is set): a
server's spinning torch threads took the CPU its write process needed (2 cores, 8 clients
asking: a one-document write's median 919 -> 609 ms, an idle ask unchanged), and a bulk
ingest's took it from a server answering beside it.
"""

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402, F401
