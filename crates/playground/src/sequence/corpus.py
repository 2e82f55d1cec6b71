"""Writes corpus.txt, the sequence lab's text: short Chinese and English sentences from a small
grammar written for this project (MIT OR Apache-2.0, as the code), words separated by spaces as
in the course note's 我 爱 深度 学习, one sentence a line.

Its regularities are what a recurrent network can learn and a unigram model cannot: which
objects follow which verb (吃 takes food, 喝 drinks, 去 places), an optional time word between
subject and verb, and in English the verb's -s after he, she and it, kept across an adverb.
After 我 爱 come 你, 吃 or 学习, as the note says. Run: python3 corpus.py > corpus.txt
"""

import random

ZH_SUBJECTS = ["我", "你", "他", "她", "我们", "他们", "小明", "老师", "妈妈"]
ZH_TIMES = ["今天", "明天", "每天", "现在"]
ZH_FOODS = ["苹果", "米饭", "面条", "饺子", "鱼", "面包"]
ZH_DRINKS = ["水", "茶", "牛奶", "咖啡"]
ZH_SUBJECTS_OF_STUDY = ["数学", "中文", "英语", "历史", "深度 学习", "机器 学习"]
ZH_PLACES = ["学校", "公园", "北京", "上海", "图书馆"]
ZH_READING = ["书", "电影", "报纸", "新闻"]


def zh_predicate(rng, kind=None):
    """A verb (of `kind`, or any) and an object that goes with it."""
    kind = rng.randrange(7) if kind is None else kind
    if kind == 0:
        return "爱 " + rng.choice(["你", "学习", "吃 " + rng.choice(ZH_FOODS), "深度 学习"])
    if kind == 1:
        return "吃 " + rng.choice(ZH_FOODS)
    if kind == 2:
        return "喝 " + rng.choice(ZH_DRINKS)
    if kind == 3:
        return "学习 " + rng.choice(ZH_SUBJECTS_OF_STUDY)
    if kind == 4:
        return "去 " + rng.choice(ZH_PLACES)
    if kind == 5:
        return "看 " + rng.choice(ZH_READING)
    return "喜欢 " + rng.choice(["学习 " + rng.choice(ZH_SUBJECTS_OF_STUDY), "喝 " + rng.choice(ZH_DRINKS)])


def zh_sentence(rng):
    """One Chinese sentence; a few are about cats and dogs, and cars, and one in ten is the
    note's 我 爱 followed by 你, 吃, 学习 or 深度 学习."""
    kind = rng.randrange(10)
    if kind == 2:
        return "我 " + zh_predicate(rng, 0) + " 。"
    if kind == 0:
        animal, food = rng.choice([("猫", "鱼"), ("狗", "肉")])
        return f"{animal} 喜欢 吃 {food} 。"
    if kind == 1:
        return rng.choice(["汽车 在 路 上 跑 。", "汽车 需要 加 油 。", "我们 坐 汽车 去 " + rng.choice(ZH_PLACES) + " 。"])
    subject = rng.choice(ZH_SUBJECTS)
    time = rng.choice(ZH_TIMES) + " " if rng.random() < 0.3 else ""
    return f"{subject} {time}{zh_predicate(rng)} 。"


EN_SINGULAR = ["he", "she", "the teacher", "my friend", "the cat", "the dog"]
EN_PLURAL = ["i", "you", "we", "they", "the students"]
EN_ADVERBS = ["often", "never", "always", "sometimes"]
EN_VERBS = {
    "eat": ["apples", "rice", "noodles", "bread", "fish"],
    "drink": ["water", "tea", "milk", "coffee"],
    "read": ["books", "the news", "a letter"],
    "love": ["music", "deep learning", "math", "the park"],
    "like": ["tea", "music", "math", "the rain"],
}


def en_sentence(rng):
    """One English sentence: a subject, maybe an adverb, a verb that agrees, an object."""
    singular = rng.random() < 0.5
    subject = rng.choice(EN_SINGULAR if singular else EN_PLURAL)
    if subject in ("the cat", "the dog"):
        verb, objects = "eat", ["fish"] if subject == "the cat" else ["meat"]
    else:
        verb = rng.choice(sorted(EN_VERBS))
        objects = EN_VERBS[verb]
    adverb = rng.choice(EN_ADVERBS) + " " if rng.random() < 0.4 else ""
    return f"{subject} {adverb}{verb + 's' if singular else verb} {rng.choice(objects)} ."


def main():
    rng = random.Random(2026)
    lines = ["我 爱 深度 学习 。", "i love deep learning ."]
    lines += [zh_sentence(rng) for _ in range(640)]
    lines += [en_sentence(rng) for _ in range(400)]
    rng.shuffle(lines)
    print("\n".join(lines))


main()
