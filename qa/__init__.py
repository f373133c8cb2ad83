"""Answer questions from the index: question typing, hybrid retrieval, agreement across outlets."""
