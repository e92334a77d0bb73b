package io.stampede.runner.cli;

public final class StampedeCli {
    public static void main(String[] args) {
        System.out.println("stampede");
    }
}
