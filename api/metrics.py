"""Prometheus metrics: request metrics from prometheus-fastapi-instrumentator, plus answer
latency and verdict counts. Each app has its own registry."""

from __future__ import annotations

from fastapi import FastAPI
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_fastapi_instrumentator import Instrumentator

ANSWER_BUCKETS = (0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5)


class AnswerMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.latency = Histogram(
            "crosscheck_answer_seconds",
            "Time to answer a question (retrieval and agreement), in seconds.",
            buckets=ANSWER_BUCKETS,
            registry=registry,
        )
        self.verdicts = Counter(
            "crosscheck_verdicts_total",
            "Answers given, by agreement verdict.",
            ["verdict"],
            registry=registry,
        )

    def observe(self, seconds: float, verdict: str) -> None:
        self.latency.observe(seconds)
        self.verdicts.labels(verdict=verdict).inc()


def instrument(app: FastAPI) -> AnswerMetrics:
    registry = CollectorRegistry()
    Instrumentator(registry=registry, excluded_handlers=["/metrics"]).instrument(app).expose(
        app,
        endpoint="/metrics",
        include_in_schema=False,  # Prometheus text, not the JSON API
    )
    return AnswerMetrics(registry)
