import Testing
@testable import SiftCore

/// Scores pinned before the lookup machinery was rewritten for speed (word tables probed with the analyzer's token
/// hashes, plain English without language identification): any change to them is a change users would see.
/// The sentences were written for this test and mix every rule: negation, boosters and dampeners, contrast, capitals,
/// punctuation, emoji and emoticons, idioms, problem statements, praise of the past, Spanish, other languages, `und`.
/// When a deliberate rule or lexicon change moves a score, regenerate the numbers with `sift sentiment -`.
struct SentimentPinnedScoresTests {
    static let scorer = try! SentimentScorer()

    /// Text, then compound, positive, negative and neutral as `sift sentiment -` printed them.
    static let pinned: [(String, Double, Double, Double, Double)] = [
        ("The app is great but it crashes constantly", -0.6948, 0.15, 0.45, 0.4),
        ("App is NOT working!!!", -0.8173, 0.0, 0.609, 0.391),
        ("kind of slow", -0.2516, 0.0, 1.0, 0.0),
        ("Kindly fix the login bug", -0.7232, 0.0, 0.615, 0.385),
        ("not bad", 0.4041, 1.0, 0.0, 0.0),
        ("This is not good at all", -0.5164, 0.0, 0.333, 0.667),
        ("Never had a problem with it", 0.1808, 0.113, 0.0, 0.887),
        ("I don't like the new update", -0.1039, 0.043, 0.142, 0.814),
        ("The new update is terrible", -0.7616, 0.0, 0.636, 0.364),
        ("Absolutely love this app", 0.8971, 1.0, 0.0, 0.0),
        ("It's very good", 0.7121, 0.757, 0.0, 0.243),
        ("It's extremely buggy and laggy", -0.9632, 0.0, 0.777, 0.223),
        ("barely works", -0.7616, 0.0, 1.0, 0.0),
        ("The app is okay I guess", 0.2247, 0.138, 0.0, 0.862),
        ("Worst app ever. Uninstalling now", -0.955, 0.0, 0.868, 0.132),
        ("I want a refund", -0.5952, 0.0, 0.444, 0.556),
        ("Too many ads", -0.5952, 0.0, 1.0, 0.0),
        ("Way too many ads, can't even read anything", -0.7493, 0.0, 0.459, 0.541),
        ("There is no option to change the font", -0.4278, 0.0, 0.242, 0.758),
        ("It doesn't load", -0.5571, 0.0, 0.524, 0.476),
        ("Stuck on the loading screen", -0.5952, 0.0, 0.706, 0.294),
        ("Keeps logging me out", -0.5952, 0.0, 1.0, 0.0),
        ("Please fix", -0.4278, 0.0, 1.0, 0.0),
        ("It used to be great, now it's useless", -0.9336, 0.0, 0.663, 0.337),
        ("Good until the last update", -0.3897, 0.0, 0.265, 0.735),
        ("It was fine before the update", -0.4184, 0.0, 0.238, 0.762),
        ("Although the design is nice, it freezes all the time", -0.5952, 0.102, 0.305, 0.593),
        ("Though it is slow, I still like it", 0.0, 0.151, 0.129, 0.719),
        ("However, the support team was helpful", 0.4733, 0.478, 0.087, 0.435),
        ("Great app. But the sync is broken", -0.2782, 0.463, 0.293, 0.244),
        ("I love it 😍", 0.9438, 0.861, 0.0, 0.139),
        ("😡😡😡", -0.9837, 0.0, 1.0, 0.0),
        ("👍", 0.5571, 1.0, 0.0, 0.0),
        ("This app 💩", -0.664, 0.0, 0.583, 0.417),
        ("Nice :)", 0.8503, 1.0, 0.0, 0.0),
        ("Not happy :(", -0.8337, 0.0, 1.0, 0.0),
        ("meh", -0.4278, 0.0, 1.0, 0.0),
        ("It's the least useful app I have", -0.3043, 0.0, 0.155, 0.845),
        ("At least it works", 0.3552, 0.302, 0.0, 0.698),
        ("very least they could do is answer", 0.0, 0.0, 0.0, 1.0),
        ("Sooo good", 0.7286, 1.0, 0.0, 0.0),
        ("Soooo baaaad", -0.8037, 0.0, 1.0, 0.0),
        ("GREAT app", 0.8182, 1.0, 0.0, 0.0),
        ("the app is GREAT", 0.8056, 0.565, 0.0, 0.435),
        ("I HATE the new layout", -0.8056, 0.0, 0.661, 0.339),
        ("Can't upload photos", -0.5571, 0.0, 0.524, 0.476),
        ("No dark mode", -0.2247, 0.0, 0.286, 0.714),
        ("Doesn't sync with my calendar", -0.5571, 0.0, 0.355, 0.645),
        ("Love it!!", 0.7953, 1.0, 0.0, 0.0),
        ("Why does it crash???", -0.8095, 0.0, 0.773, 0.227),
        ("Is this a joke?", -0.5571, 0.0, 0.524, 0.476),
        ("0 stars", -0.7232, 0.0, 1.0, 0.0),
        ("10/10 would recommend", 0.8154, 1.0, 0.0, 0.0),
        ("5 stars", 0.6309, 1.0, 0.0, 0.0),
        ("Could be better", -0.2782, 0.0, 1.0, 0.0),
        ("Not the best but not the worst", 0.4324, 0.461, 0.124, 0.415),
        ("It's a game changer", 0.664, 0.583, 0.0, 0.417),
        ("Works like a charm", 0.6948, 1.0, 0.0, 0.0),
        ("Total waste of time", -0.6948, 0.0, 0.6, 0.4),
        ("Does what it says on the tin", 0.4733, 0.375, 0.0, 0.625),
        ("The app is fine", 0.6309, 0.464, 0.0, 0.536),
        ("Five stars, no complaints", 0.8654, 1.0, 0.0, 0.0),
        ("The camera is awesome, the battery drain is awful", -0.5571, 0.239, 0.399, 0.362),
        ("Customer service is a joke", -0.7232, 0.0, 1.0, 0.0),
        ("The worst customer support I've ever seen, still no reply", -0.9783, 0.0, 0.664, 0.336),
        ("I'm so frustrated with this app", -0.7462, 0.0, 0.458, 0.542),
        ("Easy to use and fast", 0.6948, 0.75, 0.0, 0.25),
        ("Slow, buggy, and full of ads", -0.955, 0.0, 0.868, 0.132),
        ("Crashing every time I open it", -0.8154, 0.0, 0.667, 0.333),
        ("Keeps crashing after the update", -0.8154, 0.0, 1.0, 0.0),
        ("Notifications don't work", -0.5952, 0.0, 0.706, 0.294),
        ("I get no notifications anymore", -0.7365, 0.0, 0.623, 0.377),
        ("Such a helpful app for my studies", 0.6631, 0.358, 0.0, 0.642),
        ("Thank you for this amazing app", 0.9126, 0.73, 0.0, 0.27),
        ("Useless", -0.7846, 0.0, 1.0, 0.0),
        ("Perfect", 0.7733, 1.0, 0.0, 0.0),
        ("Good", 0.5952, 1.0, 0.0, 0.0),
        ("Bad", -0.6134, 0.0, 1.0, 0.0),
        ("Fine", 0.6309, 1.0, 0.0, 0.0),
        ("ok", 0.2247, 1.0, 0.0, 0.0),
        ("Excelente aplicación, muy buena", 0.9372, 0.75, 0.0, 0.25),
        ("No funciona, muy mala", -0.879, 0.0, 0.828, 0.172),
        ("La aplicación es lenta pero útil", 0.6478, 0.481, 0.148, 0.37),
        ("Me encanta", 0.6948, 0.75, 0.0, 0.25),
        ("Es una basura", -0.7493, 0.0, 0.63, 0.37),
        ("Muy bien", 0.6309, 0.722, 0.0, 0.278),
        ("Das ist sehr gut", 0.664, 0.583, 0.0, 0.417),
        ("Funktioniert nicht", -0.5571, 0.0, 1.0, 0.0),
        ("C'est nul", -0.6309, 0.0, 0.722, 0.278),
        ("Très bien", 0.664, 1.0, 0.0, 0.0),
        ("app bahut slow hai", -0.4733, 0.0, 0.375, 0.625),
        ("bahut accha app hai yaar", 0.6309, 0.464, 0.0, 0.536),
        ("Gud app", 0.664, 0.737, 0.0, 0.263),
        ("Nice app 👌", 0.879, 1.0, 0.0, 0.0),
        ("这个应用很好用", 0.6309, 0.464, 0.0, 0.536),
        ("アプリが落ちる", 0.0, 0.0, 0.0, 1.0),
        ("ok ok", 0.4278, 1.0, 0.0, 0.0),
        ("asdf qwerty", 0.0, 0.0, 0.0, 1.0),
        ("#love this app", 0.7493, 1.0, 0.0, 0.0),
        ("#fail", -0.6134, 0.0, 1.0, 0.0),
        ("I would give zero stars if I could", -0.6948, 0.0, 0.375, 0.625),
        ("Not worth the money", -0.664, 0.0, 1.0, 0.0),
        ("Totally worth it", 0.7064, 1.0, 0.0, 0.0),
        ("Definitely not recommended", -0.5571, 0.0, 0.688, 0.313),
        ("Highly recommended!", 0.7365, 1.0, 0.0, 0.0),
        ("I am not sure", 0.0, 0.0, 0.111, 0.889),
        ("Pretty good", 0.5164, 1.0, 0.0, 0.0),
        ("Pretty bad", -0.5164, 0.0, 1.0, 0.0),
        ("Super slow", -0.6169, 0.0, 1.0, 0.0),
        ("Super app", 0.5571, 0.688, 0.0, 0.313),
        ("Really really bad", -0.8533, 0.0, 1.0, 0.0),
        ("It is somewhat useful", 0.3602, 0.398, 0.0, 0.602),
        ("A little bit laggy", -0.33, 0.0, 1.0, 0.0),
        ("Fairly decent", 0.2463, 1.0, 0.0, 0.0),
        ("Hardly usable", 0.0, 0.0, 1.0, 0.0),
        ("The ads are annoying but the content is good", 0.3921, 0.335, 0.2, 0.465),
        ("The content is good but the ads are annoying", -0.9051, 0.095, 0.51, 0.395),
        ("I can't login, please help", -0.7953, 0.0, 0.792, 0.208),
        ("Login failed again and again", -0.7733, 0.0, 0.783, 0.217),
        ("Won't open", -0.5571, 0.0, 0.688, 0.313),
        ("It will not let me sign in", -0.7953, 0.0, 0.432, 0.568),
        ("Great!!! Just great... crashes every five minutes", 0.8337, 0.514, 0.216, 0.27),
        ("Great.", 0.6948, 1.0, 0.0, 0.0),
        ("Why?? Why?? Why??", -0.7592, 0.0, 1.0, 0.0),
        ("I don't hate it", 0.3701, 0.312, 0.0, 0.688),
        ("I don't love it", -0.5952, 0.0, 0.545, 0.455),
        ("It's not that bad", 0.2782, 0.25, 0.0, 0.75),
        ("It's not terrible", 0.3402, 0.383, 0.0, 0.617),
        ("Never again", -0.664, 0.0, 1.0, 0.0),
        ("Love the design, hate the price", 0.0, 0.302, 0.321, 0.377),
        ("Battery drain is insane", -0.8654, 0.0, 0.821, 0.179),
        ("Insanely good", 0.7733, 1.0, 0.0, 0.0),
        ("The update ruined everything", -0.4278, 0.0, 0.444, 0.556),
        ("They fixed the bug, thanks!", 0.5164, 0.478, 0.232, 0.29),
        ("Bug fixed, works now", 0.3043, 0.509, 0.302, 0.189),
        ("Still not fixed", -0.7733, 0.0, 1.0, 0.0),
        ("Please add dark mode", -0.4278, 0.0, 0.444, 0.556),
        ("Please bring back the old version", -0.4278, 0.0, 0.348, 0.652),
        ("The old version was better", -0.5571, 0.0, 0.688, 0.313),
        ("I miss the old layout", -0.3799, 0.0, 0.259, 0.741),
        ("Honestly the best app out there", 0.7232, 0.444, 0.0, 0.556),
        ("It's alright", 0.2247, 0.444, 0.0, 0.556),
        ("Not very good", -0.584, 0.0, 0.701, 0.299),
        ("Not very bad", 0.3552, 0.565, 0.0, 0.435),
        ("Extremely disappointed", -0.79, 0.0, 1.0, 0.0),
        ("Slightly disappointed", -0.3427, 0.0, 1.0, 0.0),
        ("Kinda meh", -0.2247, 0.0, 1.0, 0.0),
        ("lol this app", 0.4733, 0.474, 0.0, 0.526),
        ("xD so funny", 0.8625, 1.0, 0.0, 0.0),
        ("<3 it", 0.664, 0.737, 0.0, 0.263),
        (":-( sad", -0.8971, 0.0, 1.0, 0.0),
        (":D", 0.6309, 1.0, 0.0, 0.0),
        ("Ugh", -0.664, 0.0, 1.0, 0.0),
        ("Yay!", 0.7365, 1.0, 0.0, 0.0),
        ("Wow", 0.7232, 1.0, 0.0, 0.0),
        ("WOW just WOW", 0.9784, 1.0, 0.0, 0.0),
        ("Thanks", 0.4951, 1.0, 0.0, 0.0),
        ("The app is great but it crashes constantly!!!", -0.8056, 0.15, 0.45, 0.4),
        ("Honestly, the app is great but it crashes constantly", -0.6948, 0.136, 0.409, 0.455),
        ("App is NOT working!!!!!!", -0.8438, 0.0, 0.609, 0.391),
        ("Honestly, app is NOT working!!!", -0.8173, 0.0, 0.51, 0.49),
        ("kind of slow!!!", -0.4733, 0.0, 1.0, 0.0),
        ("Honestly, kind of slow", -0.2516, 0.0, 0.474, 0.526),
        ("Kindly fix the login bug!!!", -0.8247, 0.0, 0.615, 0.385),
        ("Honestly, kindly fix the login bug", -0.7232, 0.0, 0.516, 0.484),
        ("not bad!!!", 0.5952, 1.0, 0.0, 0.0),
        ("Honestly, not bad", 0.4041, 0.6, 0.0, 0.4),
        ("This is not good at all!!!", -0.6797, 0.0, 0.333, 0.667),
        ("Honestly, this is not good at all", -0.5164, 0.0, 0.286, 0.714),
        ("Never had a problem with it!!!", 0.4136, 0.113, 0.0, 0.887),
        ("Honestly, never had a problem with it", 0.1808, 0.096, 0.0, 0.904),
        ("I don't like the new update!!!", -0.3465, 0.043, 0.142, 0.814),
        ("Honestly, i don't like the new update", -0.1039, 0.034, 0.112, 0.854),
        ("The new update is terrible!!!", -0.8503, 0.0, 0.636, 0.364),
        ("Honestly, the new update is terrible", -0.7616, 0.0, 0.538, 0.462),
        ("Absolutely love this app!!!", 0.9372, 1.0, 0.0, 0.0),
        ("Honestly, absolutely love this app", 0.8971, 0.836, 0.0, 0.164),
        ("It's very good!!!", 0.8173, 0.757, 0.0, 0.243),
        ("Honestly, it's very good", 0.7121, 0.609, 0.0, 0.391),
        ("It's extremely buggy and laggy!!!", -0.9778, 0.0, 0.777, 0.223),
        ("Honestly, it's extremely buggy and laggy", -0.9632, 0.0, 0.699, 0.301),
        ("barely works!!!", -0.8503, 0.0, 1.0, 0.0),
        ("Honestly, barely works", -0.7616, 0.0, 0.778, 0.222),
        ("The app is okay I guess!!!", 0.4508, 0.138, 0.0, 0.862),
        ("Honestly, the app is okay I guess", 0.2247, 0.118, 0.0, 0.882),
        ("Worst app ever. Uninstalling now!!!", -0.9728, 0.0, 0.868, 0.132),
        ("Honestly, worst app ever. Uninstalling now", -0.955, 0.0, 0.767, 0.233),
        ("I want a refund!!!", -0.7365, 0.0, 0.444, 0.556),
        ("Honestly, i want a refund", -0.5952, 0.0, 0.375, 0.625),
        ("Too many ads!!!", -0.7365, 0.0, 1.0, 0.0),
        ("Honestly, too many ads", -0.5952, 0.0, 0.706, 0.294),
        ("Way too many ads, can't even read anything!!!", -0.8422, 0.0, 0.459, 0.541),
        ("Honestly, way too many ads, can't even read anything", -0.7493, 0.0, 0.405, 0.595),
        ("There is no option to change the font!!!", -0.6134, 0.0, 0.242, 0.758),
        ("Honestly, there is no option to change the font", -0.4278, 0.0, 0.211, 0.789),
        ("It doesn't load!!!", -0.7093, 0.0, 0.524, 0.476),
        ("Honestly, it doesn't load", -0.5571, 0.0, 0.423, 0.577),
        ("Stuck on the loading screen!!!", -0.7365, 0.0, 0.706, 0.294),
        ("Honestly, stuck on the loading screen", -0.5952, 0.0, 0.545, 0.455),
        ("Keeps logging me out!!!", -0.7365, 0.0, 1.0, 0.0),
        ("Honestly, keeps logging me out", -0.5952, 0.0, 0.706, 0.294),
        ("Please fix!!!", -0.6134, 0.0, 1.0, 0.0),
        ("Honestly, please fix", -0.4278, 0.0, 0.615, 0.385),
        ("It used to be great, now it's useless!!!", -0.9598, 0.0, 0.663, 0.337),
        ("Honestly, it used to be great, now it's useless", -0.9336, 0.0, 0.596, 0.404),
        ("Good until the last update!!!", -0.584, 0.0, 0.265, 0.735),
        ("Honestly, good until the last update", -0.3897, 0.0, 0.224, 0.776),
        ("It was fine before the update!!!", -0.6062, 0.0, 0.238, 0.762),
        ("Honestly, it was fine before the update", -0.4184, 0.0, 0.206, 0.794),
        ("Although the design is nice, it freezes all the time!!!", -0.7365, 0.102, 0.305, 0.593),
        ("Honestly, although the design is nice, it freezes all the time", -0.5952, 0.094, 0.281, 0.625),
        ("Though it is slow, I still like it!!!", 0.2913, 0.151, 0.129, 0.719),
        ("Honestly, though it is slow, I still like it", 0.0, 0.132, 0.113, 0.755),
        ("However, the support team was helpful!!!", 0.6478, 0.478, 0.087, 0.435),
        ("Honestly, however, the support team was helpful", 0.6478, 0.478, 0.087, 0.435),
        ("Great app. But the sync is broken!!!", -0.5859, 0.463, 0.293, 0.244),
        ("Honestly, great app. But the sync is broken", -0.2782, 0.413, 0.261, 0.326),
        ("I love it 😍!!!", 0.966, 0.861, 0.0, 0.139),
        ("Honestly, i love it 😍", 0.9438, 0.756, 0.0, 0.244),
        ("😡😡😡!!!", -0.9902, 0.0, 1.0, 0.0),
        ("Honestly, 😡😡😡", -0.9837, 0.0, 0.894, 0.106),
        ("👍!!!", 0.7093, 1.0, 0.0, 0.0),
        ("Honestly, 👍", 0.5571, 0.688, 0.0, 0.313),
        ("This app 💩!!!", -0.7846, 0.0, 0.583, 0.417),
        ("Honestly, this app 💩", -0.664, 0.0, 0.483, 0.517),
        ("Nice :)!!!", 0.9077, 1.0, 0.0, 0.0),
        ("Honestly, nice :)", 0.8503, 0.815, 0.0, 0.185),
        ("Not happy :(!!!", -0.8971, 0.0, 1.0, 0.0),
        ("Honestly, not happy :(", -0.8337, 0.0, 0.808, 0.192),
        ("meh!!!", -0.6134, 0.0, 1.0, 0.0),
        ("Honestly, meh", -0.4278, 0.0, 0.615, 0.385),
        ("It's the least useful app I have!!!", -0.5164, 0.0, 0.155, 0.845),
        ("Honestly, it's the least useful app I have", -0.3043, 0.0, 0.136, 0.864),
        ("At least it works!!!", 0.5571, 0.302, 0.0, 0.698),
        ("Honestly, at least it works", 0.3552, 0.245, 0.0, 0.755),
        ("very least they could do is answer!!!", 0.0, 0.0, 0.0, 1.0),
        ("Honestly, very least they could do is answer", 0.0, 0.0, 0.0, 1.0),
        ("Sooo good!!!", 0.8284, 1.0, 0.0, 0.0),
        ("Honestly, sooo good", 0.7286, 0.764, 0.0, 0.236),
        ("Soooo baaaad!!!", -0.8778, 0.0, 1.0, 0.0),
        ("Honestly, soooo baaaad", -0.8037, 0.0, 0.795, 0.205),
        ("GREAT app!!!", 0.8872, 1.0, 0.0, 0.0),
        ("Honestly, gREAT app", 0.7093, 0.756, 0.0, 0.244),
        ("the app is GREAT!!!", 0.879, 0.565, 0.0, 0.435),
        ("Honestly, the app is GREAT", 0.8056, 0.494, 0.0, 0.506),
        ("I HATE the new layout!!!", -0.879, 0.0, 0.661, 0.339),
        ("Honestly, i HATE the new layout", -0.8056, 0.0, 0.565, 0.435),
        ("Can't upload photos!!!", -0.7093, 0.0, 0.524, 0.476),
        ("Honestly, can't upload photos", -0.5571, 0.0, 0.423, 0.577),
        ("No dark mode!!!", -0.4508, 0.0, 0.286, 0.714),
        ("Honestly, no dark mode", -0.2247, 0.0, 0.211, 0.789),
        ("Doesn't sync with my calendar!!!", -0.7093, 0.0, 0.355, 0.645),
        ("Honestly, doesn't sync with my calendar", -0.5571, 0.0, 0.306, 0.694),
        ("Love it!!!!!", 0.8503, 1.0, 0.0, 0.0),
        ("Honestly, love it!!", 0.7953, 0.762, 0.0, 0.238),
        ("Why does it crash???!!!", -0.8816, 0.0, 0.773, 0.227),
        ("Honestly, why does it crash???", -0.8095, 0.0, 0.63, 0.37),
        ("Is this a joke?!!!", -0.7093, 0.0, 0.524, 0.476),
        ("Honestly, is this a joke?", -0.5571, 0.0, 0.423, 0.577),
        ("0 stars!!!", -0.8247, 0.0, 1.0, 0.0),
        ("Honestly, 0 stars", -0.7232, 0.0, 0.762, 0.238),
        ("10/10 would recommend!!!", 0.8854, 1.0, 0.0, 0.0),
        ("Honestly, 10/10 would recommend", 0.8154, 0.8, 0.0, 0.2),
        ("5 stars!!!", 0.7616, 1.0, 0.0, 0.0),
        ("Honestly, 5 stars", 0.6309, 0.722, 0.0, 0.278),
        ("Could be better!!!", -0.4951, 0.0, 1.0, 0.0),
        ("Honestly, could be better", -0.2782, 0.0, 0.5, 0.5),
        ("Not the best but not the worst!!!", 0.6169, 0.461, 0.124, 0.415),
        ("Honestly, not the best but not the worst", 0.4324, 0.381, 0.103, 0.515),
        ("It's a game changer!!!", 0.7846, 0.583, 0.0, 0.417),
        ("Honestly, it's a game changer", 0.664, 0.483, 0.0, 0.517),
        ("Works like a charm!!!", 0.8056, 1.0, 0.0, 0.0),
        ("Honestly, works like a charm", 0.6948, 0.75, 0.0, 0.25),
        ("Total waste of time!!!", -0.8056, 0.0, 0.6, 0.4),
        ("Honestly, total waste of time", -0.6948, 0.0, 0.5, 0.5),
        ("Does what it says on the tin!!!", 0.6478, 0.375, 0.0, 0.625),
        ("Honestly, does what it says on the tin", 0.4733, 0.31, 0.0, 0.69),
        ("The app is fine. But the ads are annoying", -0.8998, 0.218, 0.361, 0.42),
        ("Five stars, no complaints. But the ads are annoying", 0.33, 0.422, 0.394, 0.183),
        ("The camera is awesome, the battery drain is awful. But the ads are annoying", -0.9736, 0.164, 0.488, 0.348),
        ("Customer service is a joke. But the ads are annoying", -0.9801, 0.0, 0.789, 0.211),
        ("The worst customer support I've ever seen, still no reply. But the ads are annoying", -0.9948, 0.0, 0.67, 0.33),
        ("I'm so frustrated with this app. But the ads are annoying", -0.9811, 0.0, 0.561, 0.439),
        ("Easy to use and fast. But the ads are annoying", -0.8884, 0.291, 0.417, 0.291),
        ("Slow, buggy, and full of ads. But the ads are annoying", -0.9924, 0.0, 0.784, 0.216),
        ("Crashing every time I open it. But the ads are annoying", -0.9841, 0.0, 0.675, 0.325),
        ("Keeps crashing after the update. But the ads are annoying", -0.9841, 0.0, 0.806, 0.194),
        ("Notifications don't work. But the ads are annoying", -0.975, 0.0, 0.691, 0.309),
        ("I get no notifications anymore. But the ads are annoying", -0.9807, 0.0, 0.655, 0.345),
        ("Such a helpful app for my studies. But the ads are annoying", -0.8944, 0.198, 0.305, 0.497),
        ("Thank you for this amazing app. But the ads are annoying", -0.79, 0.394, 0.314, 0.292),
        ("Useless. But the ads are annoying", -0.9827, 0.0, 0.8, 0.2),
        ("Perfect. But the ads are annoying", -0.8689, 0.364, 0.434, 0.202),
        ("Good. But the ads are annoying", -0.9051, 0.276, 0.494, 0.23),
        ("Bad. But the ads are annoying", -0.9757, 0.0, 0.773, 0.227),
        ("Fine. But the ads are annoying", -0.8998, 0.292, 0.483, 0.225),
        ("ok. But the ads are annoying", -0.9389, 0.113, 0.606, 0.282),
        ("Excelente aplicación, muy buena. But the ads are annoying", -0.7555, 0.42, 0.301, 0.28),
        ("No funciona, muy mala. But the ads are annoying", -0.9603, 0.0, 0.502, 0.498),
        ("La aplicación es lenta pero útil. But the ads are annoying", -0.9511, 0.129, 0.439, 0.432),
        ("Me encanta. But the ads are annoying", -0.8884, 0.291, 0.417, 0.291),
        ("Es una basura. But the ads are annoying", -0.9764, 0.0, 0.633, 0.367),
        ("Muy bien. But the ads are annoying", -0.9195, 0.198, 0.473, 0.33),
        ("Das ist sehr gut. But the ads are annoying", -0.8943, 0.252, 0.387, 0.36),
        ("Funktioniert nicht. But the ads are annoying", -0.9736, 0.0, 0.765, 0.235),
        ("C'est nul. But the ads are annoying", -0.9764, 0.0, 0.697, 0.303),
        ("Très bien. But the ads are annoying", -0.8943, 0.308, 0.473, 0.22),
        ("app bahut slow hai. But the ads are annoying", -0.9705, 0.0, 0.55, 0.45),
        ("bahut accha app hai yaar. But the ads are annoying", -0.8998, 0.218, 0.361, 0.42),
        ("Gud app. But the ads are annoying", -0.8943, 0.277, 0.426, 0.297),
        ("Nice app 👌. But the ads are annoying", -0.8201, 0.432, 0.387, 0.18),
        ("这个应用很好用. But the ads are annoying", -0.8998, 0.218, 0.361, 0.42),
        ("アプリが落ちる. But the ads are annoying", -0.9511, 0.0, 0.462, 0.538),
        ("ok ok. But the ads are annoying", -0.9238, 0.203, 0.544, 0.253),
        ("asdf qwerty. But the ads are annoying", -0.9511, 0.0, 0.518, 0.482),
        ("#love this app. But the ads are annoying", -0.8757, 0.351, 0.443, 0.206),
        ("#fail. But the ads are annoying", -0.9757, 0.0, 0.773, 0.227),
        ("I would give zero stars if I could. But the ads are annoying", -0.9789, 0.0, 0.51, 0.49),
        ("Not worth the money. But the ads are annoying", -0.9777, 0.0, 0.78, 0.22),
        ("Totally worth it. But the ads are annoying", -0.886, 0.328, 0.458, 0.213),
        ("Definitely not recommended. But the ads are annoying", -0.9736, 0.0, 0.684, 0.316),
        ("Highly recommended!. But the ads are annoying", -0.879, 0.323, 0.462, 0.215),
        ("I am not sure. But the ads are annoying", -0.9559, 0.0, 0.483, 0.517),
        ("Pretty good. But the ads are annoying", -0.915, 0.241, 0.518, 0.241),
        ("Pretty bad. But the ads are annoying", -0.9721, 0.0, 0.759, 0.241),
        ("Super slow. But the ads are annoying", -0.9759, 0.0, 0.773, 0.227),
        ("Super app. But the ads are annoying", -0.9102, 0.232, 0.453, 0.316),
    ]

    func check(_ analyzer: TextAnalyzerWorker) {
        for (text, compound, positive, negative, neutral) in Self.pinned {
            let score = Self.scorer.compoundScore(analyzer.analyze(text))
            #expect(score.compound == compound, "\(text)")
            #expect(score.positive == positive && score.negative == negative && score.neutral == neutral, "\(text)")
        }
    }

    @Test func scoresAreTheOnesPinned() {
        check(TextAnalyzer().makeWorker())
    }

    @Test func plainEnglishWithoutLanguageIdentificationScoresTheSame() {
        let analyzer = TextAnalyzer().makeWorker()
        analyzer.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        analyzer.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        check(analyzer)
    }

    /// Reviews in other languages written without accents keep their language's lexicon and negators in
    /// `sift sentiment -`: a word of another language sends them through language identification.
    @Test(arguments: [
        ("es horrible y muy lenta", false), ("no funciona la aplicacion", false), ("muy buena app, me encanta", true),
        ("aplikasi nya bagus banget", true), ("gak bisa login", false), ("maganda ang app", true),
        ("muito bom", true), ("nao funciona mais", false), ("sehr gut", true), ("funktioniert nicht mehr", false),
    ])
    func reviewsInOtherLanguagesInASCIIScoreAsIdentified(_ text: String, positive: Bool) {
        let analyzer = TextAnalyzer().makeWorker()
        analyzer.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        analyzer.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        let score = Self.scorer.compoundScore(analyzer.analyze(text))
        #expect(score == Self.scorer.compoundScore(TextAnalyzer().makeWorker().analyze(text)))
        #expect(positive ? score.compound > 0.05 : score.compound < -0.05)
    }

    /// `sift sentiment -` analyzes into one reused value and scores with one scratch (its word memo warm after the
    /// first pass): every pinned score, in both passes, is the one scored afresh.
    @Test func reusedStorageAndWordMemoScoreTheSame() {
        let analyzer = TextAnalyzer().makeWorker()
        analyzer.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        analyzer.plainEnglishKnownShare = TextAnalyzerWorker.sentimentPlainEnglishKnownShare
        var scratch = SentimentScratch()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        for _ in 0..<2 {
            for (text, compound, positive, negative, neutral) in Self.pinned {
                analyzer.analyze(text, into: &analyzed)
                let score = Self.scorer.compoundScore(analyzed, reusing: &scratch)
                #expect(score.compound == compound, "\(text)")
                #expect(score.positive == positive && score.negative == negative && score.neutral == neutral, "\(text)")
            }
        }
    }

    /// The record stage of `sift themes` keeps sentence scores and lends its scratch too: with the memo warm, the
    /// record and sentence scores are the ones scored afresh.
    @Test func sentenceScoresWithAReusedScratchAreTheSame() {
        let analyzer = TextAnalyzer().makeWorker()
        var scratch = SentimentScratch()
        for _ in 0..<2 {
            for (text, compound, _, _, _) in Self.pinned {
                let analyzed = analyzer.analyze(text)
                let reused = Self.scorer.scoreWithoutExplanation(analyzed, reusing: &scratch)
                let fresh = Self.scorer.scoreWithoutExplanation(analyzed)
                #expect(reused.score.compound == compound, "\(text)")
                #expect(reused.sentences.map(\.score) == fresh.sentences.map(\.score), "\(text)")
            }
        }
    }

    /// One scratch lent to two scorers in turn, one with a user lexicon that calls "sluggish" praise: each scorer
    /// scores with its own lexicons, not with words the other one resolved into the scratch's memo.
    @Test func aScratchLentToAnotherScorerScoresWithThatScorersLexicon() throws {
        let overlaid = try SentimentScorer(overlays: ["sluggish\t3.0\n"])
        let analyzer = TextAnalyzer().makeWorker()
        analyzer.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        var scratch = SentimentScratch()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        for _ in 0..<2 {
            analyzer.analyze("The app is sluggish", into: &analyzed)
            #expect(overlaid.compoundScore(analyzed, reusing: &scratch).compound > 0.05)
            #expect(Self.scorer.compoundScore(analyzed, reusing: &scratch).compound < -0.05)
        }
    }

    /// The warm memo finds a word by the analyzer's word id: a caller that changes a token's word afterwards gets the
    /// new word's score, not the one its id was first resolved with.
    @Test func aTokenChangedAfterAnalysisIsScoredAsChanged() {
        let analyzer = TextAnalyzer().makeWorker()
        analyzer.plainEnglishStopwords = TextAnalyzerWorker.sentimentPlainEnglishStopwords
        var scratch = SentimentScratch()
        var analyzed = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        for _ in 0..<2 {
            analyzer.analyze("The app is great and it is fast", into: &analyzed)
            #expect(Self.scorer.compoundScore(analyzed, reusing: &scratch).compound > 0.05)
        }
        let great = analyzed.tokens.firstIndex { $0.folded == "great" }!
        analyzed.tokens[great].folded = "terrible"
        analyzed.tokens[great].stem = "terribl"
        let reused = Self.scorer.compoundScore(analyzed, reusing: &scratch)
        #expect(reused == Self.scorer.compoundScore(analyzed))
        #expect(reused.compound < -0.05)
    }

    /// Tokens are equal when they say the same: the analyzer's word id is not part of what a token is.
    @Test func analyzedTokensEqualTokensMadeByHand() {
        let token = TextAnalyzer().makeWorker().analyze("Crashes").tokens[0]
        let made = Token(kind: .word, utf8Range: 0..<7, folded: token.folded, stem: token.stem, flags: token.flags, sentence: 0)
        #expect(token == made)
        #expect(Set([token, made]).count == 1)
    }

    @Test func theFullResultAgreesWithTheRecordScore() {
        let analyzer = TextAnalyzer().makeWorker()
        for (text, compound, _, _, _) in Self.pinned.prefix(60) {
            #expect(Self.scorer.score(analyzer.analyze(text)).score.compound == compound, "\(text)")
        }
    }
}
