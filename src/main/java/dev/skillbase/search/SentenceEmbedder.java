package dev.skillbase.search;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Sentence vectors from the in-process all-MiniLM-L6-v2 model (quantized, ONNX, shipped inside the jar: no network),
 * scaled to unit length so that a dot product is the cosine. The model is loaded on first use (about 2 s and 200 MB
 * on the 2-core machine) and kept; one text takes 10-20 ms, a skill's {@link EmbeddingText} up to 50 ms.
 * Thread-safe.
 */
public final class SentenceEmbedder {
    /** The model's name as stored beside each vector: a different model means different vectors. */
    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;
    /** The longest task text embedded, in characters: a longer task is cut (its start says what it is about). */
    static final int MAX_TASK_CHARS = 500;

    private final int threads;
    private volatile EmbeddingModel model;

    /** An embedder that computes a list of texts on {@code threads} daemon threads. */
    public SentenceEmbedder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** The unit vector of a task. */
    public float[] embedTask(String task) {
        return unit(model().embed(EmbeddingText.cut(task, MAX_TASK_CHARS)).content().vector());
    }

    /** The unit vectors of {@code texts}, in their order. */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        model().embedAll(texts.stream().map(TextSegment::from).toList()).content()
                .forEach(embedding -> vectors.add(unit(embedding.vector())));
        return vectors;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    Executor executor = Executors.newFixedThreadPool(threads,
                            Thread.ofPlatform().daemon().name("skillbase-embedding-", 0).factory());
                    loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    static float[] unit(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : vector[i] / norm;
        }
        return unit;
    }
}
