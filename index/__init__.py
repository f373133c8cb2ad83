"""Build the index: ingest, clean, chunk, extract, embed and store articles.

torch is imported here, before anything can import faiss: with faiss first, two OpenMP
runtimes compete and query embedding was measured twice as slow.
"""

import torch  # noqa: F401
