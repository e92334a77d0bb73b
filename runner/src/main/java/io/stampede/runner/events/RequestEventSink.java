package io.stampede.runner.events;

/** Takes filled {@link EventBatch}es; must not block (it is called on an event loop). */
@FunctionalInterface
public interface RequestEventSink {

    void accept(EventBatch batch);
}
