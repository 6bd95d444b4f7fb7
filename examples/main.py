import blink_stats

print(blink_stats.summary())
print(blink_stats.summary(seed=7))
