"""Writes corpus_zh.txt and corpus_en.txt, the words lab's texts: short Chinese and English
sentences from a small grammar written for this project (MIT OR Apache-2.0, as the code), one
sentence a line, words separated by single spaces as in the course note's 我 爱 深度 学习, with
no punctuation. Every group word below is one token (自行车, 米饭), English is all lowercase.

The regularities are what skip-gram with a window of 2 can find: words of one group fill the
same slots, so they share the words within 2 of them, and each group has slots of its own.
  animals  猫 狗 马 牛 羊 鸟 / cat dog horse cow sheep bird: fed, on the farm, running in the
           field, asleep, drinking at the river (农场 里 有 猫 / i feed the dog every day)
  foods    米饭 面条 面包 苹果 香蕉 / rice noodles bread apple banana: eaten, bought, tasty, for
           breakfast, lunch or dinner (午饭 我们 吃 米饭 / we had rice for lunch)
  colours  红 绿 蓝 黄 / red green blue yellow: before 色 and flower, of doors, shirts and walls
           (门 是 红 色 的 / the door is red)
  numbers  一 二 三 四 五 / one two three four five: days, pages, rooms, counting, sums and
           comparisons (二 加 三 等于 五 / two plus three is five); 一 is never an article, one
           never a pronoun
  vehicles 汽车 火车 飞机 自行车 / car train plane bicycle: taken somewhere, fast, late, at the
           station (我们 坐 火车 去 北京 / we go to the city by train)
  people   国王 王后 男人 女人 王子 公主 / king queen man woman prince princess
Each group word has the same number of lines (42; numbers 36 plus the other places of sums and
comparisons; people 66), every group word occurring at least 40 times.

The people's lines carry three independent cues, each within 2 words of the person:
  gender   他 / he, his next to 国王 男人 王子 / king man prince; 她 / she, her next to the
           others (国王 说 他 累 了 / the king said he was tired)
  rank     王宫 王冠 统治 王国 / palace crown rules kingdom royal for the four royals; 村子 市场
           工作 / village market works farm for 男人 女人 / man woman (国王 统治 王国 / the man
           works on the farm), and 王宫 里 or 村子 里 / in the palace or in the village in front
           of a line with a gender cue
  age      年轻 的 / young before 王子 公主 / prince princess, 年老 的 / old before the other four
So king = royal + male + old, queen = royal + female + old, man = common + male + old, woman =
common + female + old, and king - man + woman = royal + female + old lands on queen rather than on
princess (royal + female + young). 他 她 he she his her appear in no other line, and the groups
share no slot words but a few common ones (的, 在, 是, the, a, is). Neutral lines (我 爱 深度 学习,
the weather is nice today) are mixed in, and all lines are shuffled.

Run: python3 corpus.py   (writes both files next to itself; the seed is fixed)
"""

import os
import random

ZH = {
    "animals": ["猫", "狗", "马", "牛", "羊", "鸟"],
    "foods": ["米饭", "面条", "面包", "苹果", "香蕉"],
    "colours": ["红", "绿", "蓝", "黄"],
    "numbers": ["一", "二", "三", "四", "五"],
    "vehicles": ["汽车", "火车", "飞机", "自行车"],
}
EN = {
    "animals": ["cat", "dog", "horse", "cow", "sheep", "bird"],
    "foods": ["rice", "noodles", "bread", "apple", "banana"],
    "colours": ["red", "green", "blue", "yellow"],
    "numbers": ["one", "two", "three", "four", "five"],
    "vehicles": ["car", "train", "plane", "bicycle"],
}
# (word, male, royal, young)
ZH_PEOPLE = [("国王", 1, 1, 0), ("王后", 0, 1, 0), ("男人", 1, 0, 0), ("女人", 0, 0, 0),
             ("王子", 1, 1, 1), ("公主", 0, 1, 1)]
EN_PEOPLE = [("king", 1, 1, 0), ("queen", 0, 1, 0), ("man", 1, 0, 0), ("woman", 0, 0, 0),
             ("prince", 1, 1, 1), ("princess", 0, 1, 1)]

# Slots of each group; {w} is the group word. The words next to {w} differ from group to group.
ZH_TEMPLATES = {
    "animals": ["农场 里 有 {w}", "我 每天 喂 {w}", "{w} 在 草地 上 跑", "我们 去 农场 看 {w}",
                "{w} 睡着 了", "{w} 是 动物", "草地 上 的 {w} 睡着 了", "{w} 在 河 边 喝 水"],
    "foods": ["我 吃 {w}", "午饭 我们 吃 {w}", "{w} 很 好吃", "妈妈 买 了 {w}", "{w} 放 在 桌子 上",
              "我 想 吃 {w}", "早饭 吃 {w}", "新鲜 的 {w} 很 好吃"],
    "colours": ["{w} 色 的 花", "门 是 {w} 色 的", "我 穿 {w} 色 的 衣服", "{w} 色 很 好看",
                "把 墙 涂 成 {w} 色", "这 朵 花 是 {w} 色 的", "我 喜欢 {w} 色"],
    "numbers": ["今天 是 第 {w} 天", "我 住 在 {w} 号 房间", "我 数 到 {w}", "请 翻 到 第 {w} 页",
                "{w} 号 房间 在 楼 上", "{sum}", "{more}"],
    "vehicles": ["我们 坐 {w} 去 {place}", "{w} 开 得 很 快", "{w} 进 站 了", "{w} 晚 点 了",
                 "我 坐 {w} 上班", "新 的 {w} 开 得 很 快", "坐 {w} 去 {place} 很 方便"],
}
EN_TEMPLATES = {
    "animals": ["there is a {w} on the farm", "i feed the {w} every day", "the {w} runs in the field",
                "we visit the {w} on the farm", "the {w} fell asleep", "a {w} is an animal",
                "the {w} in the field fell asleep", "the {w} drinks from the river"],
    "foods": ["i eat {w}", "we had {w} for lunch", "mother bought {w}", "we put {w} on the table",
              "i want to eat {w}", "{w} for breakfast", "i like fresh {w}", "we cook {w} for dinner"],
    "colours": ["a {w} flower", "the door is {w}", "i wear a {w} shirt", "{w} is a nice colour",
                "paint the wall {w}", "this flower is {w}", "i like the {w} flower"],
    "numbers": ["today is day {w}", "i live in room {w}", "i count to {w}", "please turn to page {w}",
                "room {w} is upstairs", "{sum}", "{more}"],
    "vehicles": ["we go to the {place} by {w}", "the {w} goes fast", "the {w} left the station",
                 "the {w} arrived late", "i go to work by {w}", "the new {w} goes fast",
                 "going by {w} saves time"],
}
ZH_PLACES = ["北京", "上海", "学校", "公园"]
EN_PLACES = ["city", "school", "park"]

# People's slots: {w} the person, {g} he or she, {p} his or her, {r} the palace or the village,
# {a} young or old. Every cue sits within 2 words of the person.
ZH_PEOPLE_TEMPLATES = {
    "gender": ["{w} 说 {g} 累 了", "{w} 说 {g} 很 开心", "{g} 是 {w}", "{w} 和 {g} 的 孩子",
               "{w} 觉得 {g} 很 忙"],
    "royal": ["{w} 统治 王国", "{w} 在 王宫 休息", "{w} 的 王冠 很 重", "王宫 里 的 {w}"],
    "common": ["{w} 在 村子 工作", "{w} 在 市场 买 菜", "{w} 的 工作 很 累", "村子 里 的 {w}"],
    "both": ["{r} 里 {w} 说 {g} 累 了", "{r} 里 {w} 说 {g} 很 开心"],
    "age": ["{a} 的 {w} 说 {g} 累 了", "{a} 的 {w} 在 {r} 里", "{a} 的 {w} 和 {g} 的 孩子",
            "{a} 的 {w} 笑 了"],
}
EN_PEOPLE_TEMPLATES = {
    "gender": ["the {w} said {g} was tired", "the {w} said {g} was happy", "the {w} and {p} son",
               "the {w} lost {p} hat", "the {w} thinks {g} is right"],
    "royal": ["the {w} rules the kingdom", "the royal {w} is here", "the {w} wears a crown",
              "in the palace the {w} sleeps"],
    "common": ["the {w} works on the farm", "the {w} works at the market",
               "in the village the {w} sleeps", "at the market the {w} sleeps"],
    "both": ["in the {r} the {w} said {g} was tired", "in the {r} the {w} said {g} was happy"],
    "age": ["the {a} {w} said {g} was tired", "the {a} {w} is in the {r}", "the {a} {w} and {p} son",
            "the {a} {w} smiled"],
}

ZH_FILLER = ["我 爱 深度 学习", "今天 天气 很 好", "我们 学习 中文", "我 爱 你", "明天 我们 去 学校",
             "我 喜欢 音乐"]
EN_FILLER = ["i love deep learning", "the weather is nice today", "we study chinese", "i love you",
             "tomorrow we go to school", "i like music"]

# a + b = c and a > b, all within the number group
SUMS = [(a, b, a + b) for a in range(1, 5) for b in range(1, 5) if a + b <= 5]
MORE = [(a, b) for a in range(1, 6) for b in range(1, 6) if a > b]

# lines per group word (numbers also come as the other words of sums and comparisons)
LINES_PER_WORD = 42
LINES_PER_NUMBER = 36
LINES_PER_PERSON = 66
FILLER_LINES = 60


def group_sentence(rng, template, word, numbers, places, zh):
    """`template` of a group filled with `word`; a sum or comparison puts `word` first."""
    n = numbers
    a = n.index(word) + 1 if word in n else 0
    if template == "{sum}":
        b, c = rng.choice([(b, c) for (x, b, c) in SUMS if x == a] or [(None, None)])
        if b is None:  # five is never a first summand: it is the sum
            x, b, c = rng.choice([s for s in SUMS if s[2] == a])
            return f"{n[x-1]} 加 {n[b-1]} 等于 {n[c-1]}" if zh else f"{n[x-1]} plus {n[b-1]} is {n[c-1]}"
        return f"{n[a-1]} 加 {n[b-1]} 等于 {n[c-1]}" if zh else f"{n[a-1]} plus {n[b-1]} is {n[c-1]}"
    if template == "{more}":
        if a == 1:  # one is more than nothing here: put it second
            b = rng.randrange(2, 6)
            return f"{n[b-1]} 比 {n[0]} 大" if zh else f"{n[b-1]} is more than {n[0]}"
        b = rng.randrange(1, a)
        return f"{n[a-1]} 比 {n[b-1]} 大" if zh else f"{n[a-1]} is more than {n[b-1]}"
    return template.format(w=word, place=rng.choice(places))


def person_sentence(rng, person, templates, kind, zh):
    word, male, royal, young = person
    if kind == "rank":
        kind = "royal" if royal else "common"
    template = rng.choice(templates[kind])
    if zh:
        g, p, r, a = ("他" if male else "她"), None, ("王宫" if royal else "村子"), ("年轻" if young else "年老")
    else:
        g, p = ("he", "his") if male else ("she", "her")
        r, a = ("palace" if royal else "village"), ("young" if young else "old")
    return template.format(w=word, g=g, p=p, r=r, a=a)


def corpus(rng, zh):
    """The lines of one language: every group word in LINES_PER_WORD lines of its group's
    slots (numbers LINES_PER_NUMBER, people LINES_PER_PERSON), some neutral lines, shuffled."""
    groups = ZH if zh else EN
    templates = ZH_TEMPLATES if zh else EN_TEMPLATES
    places = ZH_PLACES if zh else EN_PLACES
    numbers = groups["numbers"]
    lines = []
    for group, words in groups.items():
        count = LINES_PER_NUMBER if group == "numbers" else LINES_PER_WORD
        for word in words:
            for i in range(count):
                template = templates[group][i % len(templates[group])]
                lines.append(group_sentence(rng, template, word, numbers, places, zh))
    people_templates = ZH_PEOPLE_TEMPLATES if zh else EN_PEOPLE_TEMPLATES
    for person in ZH_PEOPLE if zh else EN_PEOPLE:
        # gender, rank and both alike; the age cue twice as often
        kinds = ["gender", "rank", "both", "age", "age"]
        for i in range(LINES_PER_PERSON):
            lines.append(person_sentence(rng, person, people_templates, kinds[i % len(kinds)], zh))
    filler = ZH_FILLER if zh else EN_FILLER
    lines += [filler[i % len(filler)] for i in range(FILLER_LINES)]
    rng.shuffle(lines)
    return lines


def main():
    rng = random.Random(2026)
    here = os.path.dirname(os.path.abspath(__file__))
    for name, zh in (("corpus_zh.txt", True), ("corpus_en.txt", False)):
        lines = corpus(rng, zh)
        with open(os.path.join(here, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        tokens = [t for line in lines for t in line.split()]
        print(f"{name}: {len(lines)} lines, {len(tokens)} tokens, {len(set(tokens))} words")


main()
