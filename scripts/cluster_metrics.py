"""NMI (arithmetic normalisation, as scikit-learn's default) and ARI between two labelings; stdlib + numpy."""
import math
from collections import Counter


def nmi(gold, pred):
    n = len(gold)
    cg, cp, joint = Counter(gold), Counter(pred), Counter(zip(gold, pred))
    mi = sum(c / n * math.log(c * n / (cg[g] * cp[p])) for (g, p), c in joint.items())
    hg = -sum(c / n * math.log(c / n) for c in cg.values())
    hp = -sum(c / n * math.log(c / n) for c in cp.values())
    denom = (hg + hp) / 2
    return mi / denom if denom > 0 else 1.0


def ari(gold, pred):
    def comb2(x):
        return x * (x - 1) / 2
    n = len(gold)
    index = sum(comb2(c) for c in Counter(zip(gold, pred)).values())
    a = sum(comb2(c) for c in Counter(gold).values())
    b = sum(comb2(c) for c in Counter(pred).values())
    expected = a * b / comb2(n)
    maximum = (a + b) / 2
    return (index - expected) / (maximum - expected) if maximum != expected else 1.0
