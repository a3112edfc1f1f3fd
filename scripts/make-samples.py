#!/usr/bin/env python3
"""Writes Samples/: realistic Clipstream feedback in every input format sift reads, the sample roadmap, README.

Usage: python3 scripts/make-samples.py     (no arguments; deterministic: rerunning writes identical files)

All texts below were written for sift (none copied). Themes:
  a login loop / logged out after 34.2.0      b upload stuck / fails      c battery drain / heat
  d too many ads                               e crash on startup          f audio out of sync
  g wish: dark mode                            h wish: 1080p / 4K quality  i wish: creator analytics
  praise, noise (incl. questions)
"""
import csv, datetime as dt, io, json, pathlib, random
from xml.sax.saxutils import escape as xml_escape

# Login problems that only make sense after 34.2.0 shipped (2026-10-19).
LOGIN_AFTER_UPDATE = [
    "Since the last update it keeps logging me out every time I close the app",
    "After updating to 34.2.0 I can't log in at all, it just loops back to the login screen",
    "verification code never arrives. tried 6 times",
    "Stuck in a login loop. Enter email, enter code, back to the start.",
    "The SMS code never comes so I can't get into my account",
    "It logged me out after the update and now it says my code is invalid",
    "Update 34.2 broke login. The code never shows up in my email either",
    "Can't sign in with Google anymore, it spins and drops me back on the welcome screen",
    "LOGIN LOOP!!! fix it",
    "The app forgot my account after updating and the verification email never came",
    "keeps loging me out since the update smh",
    "Been locked out for 4 days, the one-time code never arrives",
    "Every time I open it I'm logged out again. Started with the new version.",
    "Why do I have to verify my phone number every day now? Never had to before 34.2.0",
    "It says \"session expired\" constantly since 34.2.0",
    "I reinstalled after the update and now I can't even log back in, no code is sent",
    "Tried wifi and mobile data, the confirmation code still never arrives",
    "Logged out, code doesn't arrive, support bot is useless. Great update.",
    "sign in loop on my iPad after the update",
    "Login keeps failing with 'something went wrong' after the October update",
    "Lost access to my account because the 2-step code never came through",
    "I keep getting kicked out of my account since yesterday's update",
    "after the update it logs me out and my drafts are gone",
    "Please fix the login, I have been logged out like 10 times this week",
    "The new version signs me out whenever I lock my phone",
    "Cant log in. Code never arrives. Tried resend 20 times",
    "logged out AGAIN. third time today",
    "34.2.0 = endless login screen",
    "Updated last night, now every launch asks me to log in and the text code takes forever or never comes",
    "my account keeps getting logged out on its own after updating",
    "Verification codes never arrive for me or my sister since the update",
    "The login screen keeps coming back even after I enter the right code",
    "It keeps asking me to sign in again, over and over",
    "Logging in is impossible now, the code expires before it arrives",
    "since updating I get signed out every few hours",
    "Can not get past the login page after the update, please help",
]

# Occasional login complaints from before the update: the baseline the rise is measured against.
LOGIN_BEFORE_UPDATE = [
    "Got logged out randomly today and had to reset my password",
    "the verification email went to spam, took me a while to log in",
    "Logged me out once after I changed phones",
    "Sometimes the login code is slow to arrive",
    "Had to log in twice today, weird",
    "Signed out on its own when I switched accounts",
]

UPLOAD = [
    "Videos get stuck on 'processing' forever",
    "Upload fails at 99% every time",
    "my upload has been processing for 3 hours",
    "Can't post anything, it says \"upload failed, try again\"",
    "Uploading a 2 minute clip takes forever and then fails",
    "stuck at processing... again",
    "Video uploads keep failing on wifi and on 5G",
    "Posted a video yesterday and it's still processing",
    "The upload progress bar freezes at 80%",
    "The app eats my video when the upload fails, the draft is gone",
    "Uploads fail unless I keep the app open the whole time",
    "Half my uploads fail with error 502",
    "Every upload says processing, this may take a few minutes, and it never finishes",
    "upload broken",
    "Can't upload videos longer than 60s, it just errors out",
    "Processing takes longer than filming the video lol",
    "My video uploaded but shows a black screen and 'still processing'",
    "UPLOADS DONT WORK",
    "uploading is so unreliable, failed 4 times tonight",
    "My clips never finish processing so my friends can't see them",
    "Upload stuck, tried restarting my phone, still stuck",
    "can't upload, keeps saying network error but my internet is fine",
]

BATTERY = [
    "Drains my battery like crazy",
    "My phone gets super hot after 10 minutes of scrolling",
    "Battery went from 100 to 40 in an hour just watching clips",
    "phone overheats when I use the camera in the app",
    "This app is the top battery user on my phone, even in the background",
    "The app makes my phone hot af 🔥",
    "Huge battery drain over the last few updates",
    "My iPhone 15 gets warm just sitting on the feed",
    "battery drain is insane, 30% in 20 min",
    "Phone heats up and lags after a short session",
    "Background activity kills my battery overnight",
    "Uses more battery than my games do. Something's wrong.",
    "the app overheats my phone and then everything stutters",
    "Can't use it on the bus, it drains my battery before I get to work",
    "Why does a video app need to run in the background all night? battery gone",
    "phone is burning hot after editing one clip",
    "battery life tanked after installing this",
    "It drains battery even when i'm not using it",
    "My Pixel gets hot enough to show the temperature warning",
    "Please fix the battery drain, it's the only thing stopping me from using it more",
    "Extreme battery usage",
    "phone gets hot, app gets slow, battery dies. repeat",
    "Battery usage shows 45% for Clipstream in settings. Insane.",
    "overheating on my galaxy while recording",
    "It's draining my batery so fast",
    "Battery drains fast and the back of the phone is hot to touch",
    "I have to carry a power bank just for this app",
    "My phone is warm like a hand warmer after using this",
    "batterry drain!!!",
    "The battery consumption is way too high",
]

ADS = [
    "Way too many ads",
    "An ad every 3 videos is ridiculous",
    "Unskippable 30 second ads, no thanks",
    "The ads are louder than the videos",
    "more ads than content at this point",
    "Ads everywhere!!! Can't even watch 2 clips without one",
    "Ads can't be skipped anymore, uninstalling",
    "Too many ads, and the same one over and over",
    "I'd pay to remove ads but there's no option",
    "Ad breaks in the middle of a video are so annoying",
    "The new unskippable ads ruined the app",
    "ads ads ads ads",
    "It used to be fun, now it's just ads",
    "Getting a full-screen ad every time I open the app is too much",
    "Ads pop up while I'm editing. Why?",
    "Please reduce the ads, one every few minutes would be fine",
    "I counted 9 ads in 10 minutes.",
    "Ads that you can't close & they play sound even when I'm muted",
    "Too many adverts",
    "The ad load has been unbearable since September",
    "Adds are out of control",
    "so many ads i forget what i was watching",
    "Every other video is an ad now",
    "the unskippable ads are killing this app",
    "too. many. ads.",
    "An ad before every video I open from a link, come on",
    "Ads are way more frequent than last month",
    "I can't skip ads anymore??",
    "The amount of advertising is absurd",
    "TOO MANY ADS",
    "Ads keep interrupting the videos I actually want to see",
    "Ad after ad after ad",
    "Half the feed is sponsored posts and ads",
    "Long ads you cannot skip, very annoying",
    "Loved it until the ads took over",
]

CRASH = [
    "Crashes on startup",
    "App closes immediately after opening",
    "Crashes as soon as I open it on my Samsung S23",
    "Opens for a second then closes. Android 14.",
    "Won't even open anymore, just crashes to the home screen",
    "keeps crashing on launch since the Android 14 update",
    "Splash screen then crash. Every time.",
    "App crashes instantly on my Galaxy A54",
    "Can't open the app, it shuts down right away",
    "crash crash crash",
    "The app force closes when I start it. Cleared cache, reinstalled, nothing.",
    "Crashes at startup on Galaxy S22 Ultra, Android 14",
    "It crashes before the feed even loads",
    "app stopped working. it opens and closes",
    "\"Clipstream keeps stopping\" is all I see",
    "Instant crash on open. Samsung Tab S9.",
    "App crashes on launch after the One UI 6 update",
    "Doesn't open. Crashes immediately. Samsung.",
    "Since the Android 14 update the app won't launch",
    "Crashes on start, worked fine last week",
    "It won't start, black screen then it closes",
    "crashes every time i open it",
    "The app closes by itself right after the logo",
    "Immediately crashes on my Samsung Galaxy S21 FE with Android 14",
    "CRASHES ON OPEN",
    "Tap the icon, it closes. That's the whole experience.",
    "can't open it, keeps crashing on my samsung",
    "Startup crash on Android 14, please fix",
    "app keeps closing when i launch it",
    "Crashing at launch on both my Samsung phone and tablet",
]

AUDIO = [
    "Sound is out of sync with the video",
    "Audio is delayed by like half a second",
    "the audio doesn't match the lips anymore",
    "Audio lags behind the video after I add music",
    "Voiceover drifts out of sync in longer clips",
    "Sound and picture out of sync on every video in my feed",
    "Audio delay when I use bluetooth headphones",
    "my exported video has the sound a second late",
    "Lip sync is broken, the audio comes before the video",
    "Audio desync after trimming a clip in the editor",
    "the sound is off from the video, makes dance videos useless",
    "AUDIO OUT OF SYNC",
    "sound delay on uploaded videos, it was fine in the preview",
    "The music doesn't line up with my cuts anymore after saving",
    "Audio and video are not synced in the feed",
    "there's a delay between the sound and the picture",
    "the voice is late compared to the mouth, so weird",
    "Sound out of sync after the latest update",
    "audio lagging behind video on every clip i watch",
    "Sound is a beat behind, ruins the transitions",
    "After recording, the audio is shifted and out of sync",
]

DARK_MODE = [
    "Please add dark mode",
    "Dark mode please!! my eyes hurt at night",
    "Need a dark theme",
    "Where is dark mode? It's 2026",
    "would love a dark mode option",
    "The white background is blinding at night. Dark mode pls",
    "Add dark mode and I'll give 5 stars",
    "Dark mode would be great",
    "A night theme that follows the system setting",
    "give us dark mode",
    "Dark mode!!!",
    "Only thing missing is a dark mode",
    "please add a dark theme for the editor at least",
    "A true black dark mode for OLED screens",
    "dark mode",
    "I use the app at night a lot, a dark mode would help",
    "Bring a dark mode like every other app has",
    "Let me switch to a darker theme",
    "please please dark mode",
    "Dark mode option in settings",
    "The bright UI hurts, needs dark mode",
    "More themes, especially a dark one",
    "Support the system dark mode",
    "Dark mode + bigger text option",
    "Would use it way more with a dark mode",
    "pls add dark mode 🙏",
    "Night mode for late scrolling",
    "dark theme!!",
]

QUALITY = [
    "Let me upload in 1080p, everything gets compressed",
    "Videos look blurry after upload, need 4K support",
    "Please allow downloading videos in full HD",
    "Upload quality is terrible, my 4K footage looks like 480p",
    "Add an option to download in higher quality",
    "the compression ruins my videos",
    "Support 1080p 60fps uploads please",
    "Downloads are low res, let us save in HD",
    "Why does everything look pixelated after posting?",
    "4K uploads would be amazing",
    "Higher upload quality please",
    "An HD toggle for uploads and downloads",
    "Save videos in the original quality",
    "My videos lose so much quality when I upload them",
    "allow 4k",
    "Better video quality, the compression is too strong",
]

ANALYTICS = [
    "Please add better analytics for creators",
    "More stats on who watches my videos",
    "creator analytics are way too basic",
    "I want to see retention stats",
    "Show me audience demographics",
    "Analytics per video, with watch time",
    "Better insights for creators: retention, audience, traffic sources",
    "Let me see where viewers stop watching",
    "More detailed creator stats please",
    "audience stats like age and country",
]

PRAISE = [
    "Love the editing tools!",
    "Best short video app, the editor is amazing",
    "The filters and transitions are so good",
    "Love it ❤️",
    "Great app, I use it every day",
    "So easy to edit videos, love the templates",
    "The new editor is fantastic",
    "Amazing app!!",
    "My favourite app for making clips",
    "The music library is great",
    "Really smooth and fun",
    "5 stars, the editing tools are the best I've used",
    "the green screen effect is so cool",
    "Love the community here",
    "The auto captions are super accurate",
    "Feed recommendations are spot on",
    "Fun and easy",
    "Great for quick edits on the go",
    "Beautiful app, love the design",
    "I love how fast the editor is",
    "Templates save me so much time",
    "Love love love this app",
    "Best app ever 😍",
    "super easy to use",
    "Editing tools are top notch",
    "the speed ramp tool is 🔥",
    "It's great, keep it up",
    "Good app",
    "Excellent",
    "Helps me keep in touch with friends",
    "The trim and split tools are so precise",
    "I made my first video in 5 minutes, so intuitive",
    "love the new stickers and text effects",
    "Clean interface and great effects",
    "Honestly the best editor on mobile",
    "My kids and I make videos together, we love it",
    "Great variety of content on the feed",
    "The voice effects are hilarious 😂",
    "Works great on my phone",
    "Editing is a joy, thank you",
    "It's really fun to browse",
    "Perfect for sharing moments with family",
    "really good app",
    "I like the editing tools a lot",
    "Love the color grading presets",
    "Great app for beginners and pros",
    "Awesome, no complaints",
    "The best part is how easy editing is",
    "wow the new transitions!!",
    "Really enjoy the daily challenges",
    "Love the editing features, very creative",
    "Smooth, fast, fun",
    "Nice editor and a friendly community",
    "I love this app so much",
    "The templates are gorgeous",
    "the editor keeps getting better",
    "Very good app, recommended",
    "Such a fun way to be creative",
    "Editing tools are amazing and easy",
    "Love the slow motion effect",
    "Really well made app",
    "10/10 editor",
]

NOISE = [
    "ok",
    "first!",
    "nice",
    "hmm",
    "it's fine",
    "meh",
    "👍",
    "lol",
    "cool app",
    "asdfgh",
    "Clipstream",
    "5 stars",
    "good",
    "nothing to add",
    "nothing",
    "no comment",
    "idk",
    "it's ok I guess",
    "nothing really",
    "no",
    "no idea",
    "all good",
    "Downloaded it because my friend told me to",
    "my cat likes the videos",
    "just installed",
    "hi",
    "fine",
    "not sure yet",
]

QUESTIONS = [
    "how do I change my username?",
    "How do I delete my account?",
    "Is there a way to make my account private?",
    "where did the duet button go?",
    "How do I turn off autoplay?",
    "can i use it on my laptop?",
    "How do I get verified?",
    "how to recover a deleted draft?",
    "Why can't I see my saved videos?",
    "How can I change my profile picture?",
    "Is there a web version?",
    "how do i change my username",
]

# (theme, language code, text). Written by us in each language.
OTHER_LANGUAGES = [
    ("a", "es", "Desde la actualización me cierra la sesión cada vez que abro la app"),
    ("a", "es", "El código de verificación nunca llega, no puedo entrar a mi cuenta"),
    ("a", "es", "No puedo iniciar sesión después de actualizar a la 34.2.0"),
    ("b", "es", "El video se queda en 'procesando' y nunca se publica"),
    ("b", "es", "La subida falla siempre al 99%"),
    ("b", "es", "Mis videos no se suben, sale error cada vez"),
    ("c", "es", "Consume muchísima batería y el celular se calienta"),
    ("c", "es", "El teléfono se pone muy caliente con esta app"),
    ("d", "es", "Demasiados anuncios, uno cada dos videos"),
    ("d", "es", "Anuncios que no se pueden saltar, qué fastidio"),
    ("d", "es", "Hay más publicidad que videos!!"),
    ("e", "es", "Se cierra sola al abrirla, tengo un Samsung con Android 14"),
    ("e", "es", "La app se cierra apenas la abro"),
    ("f", "es", "El audio no está sincronizado con el video"),
    ("f", "es", "El sonido va atrasado respecto a la imagen"),
    ("g", "es", "Por favor agreguen modo oscuro"),
    ("g", "es", "Modo oscuro ya!!"),
    ("h", "es", "Quiero subir videos en 1080p, se ven borrosos"),
    ("i", "es", "Necesito estadísticas de retención de mi audiencia"),
    ("praise", "es", "Me encanta la app, las herramientas de edición son geniales"),
    ("praise", "es", "Muy buena aplicación"),
    ("praise", "es", "La mejor app para editar videos cortos 😍"),
    ("praise", "es", "Súper fácil de usar, me encantan las plantillas"),
    ("noise", "es", "¿Cómo cambio mi nombre de usuario?"),
    ("noise", "es", "buena"),
    ("a", "de", "Seit dem Update werde ich ständig ausgeloggt"),
    ("a", "de", "Der Bestätigungscode kommt nie an, ich komme nicht mehr rein"),
    ("b", "de", "Der Upload bleibt bei 'Wird verarbeitet' hängen"),
    ("c", "de", "Der Akku ist nach einer Stunde leer und das Handy wird heiß"),
    ("d", "de", "Viel zu viel Werbung, und man kann sie nicht überspringen"),
    ("e", "de", "Stürzt beim Start sofort ab (Samsung Galaxy S23, Android 14)"),
    ("f", "de", "Ton und Bild sind nicht synchron"),
    ("g", "de", "Bitte einen Dunkelmodus einbauen"),
    ("h", "de", "Videos werden nach dem Hochladen unscharf, bitte 4K unterstützen"),
    ("praise", "de", "Tolle App, die Bearbeitungswerkzeuge sind super"),
    ("a", "pt", "Depois da atualização o app fica me deslogando toda hora"),
    ("a", "pt", "O código de verificação não chega nunca"),
    ("b", "pt", "Meu vídeo fica travado em 'processando'"),
    ("c", "pt", "Esquenta muito o celular e gasta a bateria rápido"),
    ("d", "pt", "Propaganda demais!!"),
    ("e", "pt", "O app fecha sozinho quando eu abro"),
    ("g", "pt", "Coloquem modo escuro por favor"),
    ("praise", "pt", "Amo esse app, a edição é muito fácil"),
    ("a", "hi-Latn", "Update ke baad baar baar logout ho raha hai, OTP bhi nahi aa raha"),
    ("d", "hi-Latn", "Bahut zyada ads hai yaar, skip bhi nahi hote"),
    ("praise", "hi-Latn", "Mast app hai, editing tools ekdum badhiya"),
    ("e", "ja", "起動するとすぐに落ちます。"),
    ("praise", "ja", "編集機能がとても使いやすいです"),
    ("c", "zh", "手机发热很严重，耗电太快了"),
    ("g", "zh", "希望增加深色模式"),
]

# Creator-portal messages: (theme, category, language, country, text). Written in a creator's voice.
CREATOR_MESSAGES = [
    ("b", "upload", "en", "US", "Since Tuesday every video I upload sits in 'processing' for hours. I post daily, this is costing me reach."),
    ("b", "upload", "en", "GB", "Three uploads failed in a row this morning (\"upload failed\", code 502). Tried two phones and two networks."),
    ("b", "upload", "en", "CA", "My last 5 uploads were stuck at processing and two of them never published. Please look into it."),
    ("b", "upload", "en", "US", "Scheduled posts are not going out; the upload shows failed in the queue with no reason given."),
    ("b", "upload", "en", "AU", "Upload reaches 100% then goes back to 0% and starts again. Happens with 4K and 1080p files."),
    ("b", "upload", "en", "US", "Our team uploads from the desktop uploader and about 1 in 3 uploads fails during processing."),
    ("b", "upload", "en", "PH", "Videos over 3 minutes fail to process. Shorter clips go through fine."),
    ("b", "upload", "en", "US", "Uploads are extremely slow since the 34.2 release, a 40 MB clip took 25 minutes and then failed."),
    ("b", "upload", "en", "NG", "Is there a known outage? My videos have been stuck in processing since last night."),
    ("b", "upload", "en", "US", "Processing fails on videos with licensed music, no error message, they just stay stuck."),
    ("b", "upload", "en", "GB", "The upload failed message appears but the video gets published twice later. Duplicate posts hurt my stats."),
    ("b", "upload", "en", "US", "Collab video upload stuck at 'processing' for 2 days, my sponsor is waiting!!"),
    ("b", "upload", "en", "IE", "Every upload from iOS fails at the last step; Android works."),
    ("b", "upload", "en", "US", "My drafts vanish when an upload fails. Lost a 10 minute edit."),
    ("b", "upload", "en", "ZA", "Please add a retry button, uploads fail constantly and I have to re-edit everything."),
    ("b", "upload", "en", "US", "Processing stuck at 99% on all my uploads today."),
    ("b", "upload", "pt", "BR", "O upload falha sempre, já tentei várias vezes e o vídeo não sai do 'processando'."),
    ("b", "upload", "es", "MX", "Mis videos se quedan procesando durante horas, pierdo alcance todos los días."),
    ("b", "upload", "hi-Latn", "IN", "Video upload hi nahi ho raha, processing pe atka hua hai 2 din se."),
    ("i", "analytics", "en", "US", "Please add audience retention graphs per video. I need to know where viewers drop off."),
    ("i", "analytics", "en", "GB", "The analytics tab only shows views. I need watch time, retention and where my audience is from."),
    ("i", "analytics", "en", "US", "Can we get follower demographics (age, country)? Brands ask me for them."),
    ("i", "analytics", "en", "CA", "Analytics data is delayed by 2 days and doesn't show traffic sources."),
    ("i", "analytics", "en", "US", "Would love to export my analytics as CSV for my media kit."),
    ("i", "analytics", "en", "AU", "Need per-video retention and average view duration like other platforms have."),
    ("i", "analytics", "en", "US", "Audience stats would help me plan when to post: show when my followers are online."),
    ("i", "analytics", "en", "IN", "Creator analytics are too basic to grow a channel. Retention + audience insights please."),
    ("i", "analytics", "pt", "BR", "Preciso de estatísticas melhores do meu público: idade, país e retenção."),
    ("i", "analytics", "en", "US", "No way to compare how my videos performed week over week. Analytics need an upgrade."),
    ("a", "account", "en", "US", "Since 34.2.0 our brand account keeps getting logged out and the verification code goes to an old number."),
    ("a", "account", "en", "GB", "I manage three accounts and the app logs me out of all of them after the update. Codes arrive hours late."),
    ("a", "account", "pt", "BR", "Depois da atualização 34.2.0 não consigo entrar na conta, o código nunca chega."),
    ("h", "upload", "en", "US", "My 4K uploads get compressed to 720p. Please support at least 1080p for creators."),
    ("h", "upload", "en", "DE", "Saved videos are low quality; please add HD download for our own content."),
    ("h", "upload", "en", "US", "Let creators upload at 60fps. Sports clips look choppy after processing."),
    ("d", "monetization", "en", "US", "Mid-roll ads were added to my videos without asking and my watch time dropped."),
    ("d", "monetization", "en", "GB", "My RPM went down while the number of ads on my videos went up. Viewers complain about unskippable ads."),
    ("d", "monetization", "es", "ES", "Mis seguidores se quejan de que hay demasiados anuncios en mis videos."),
    ("f", "upload", "en", "US", "After processing, the audio on my uploads is out of sync by about 300 ms. The original file is fine."),
    ("f", "upload", "en", "CA", "Voiceovers drift out of sync on uploads longer than a minute."),
    ("c", "other", "en", "US", "Filming with the in-app camera for 15 minutes makes my phone overheat and the recording stops."),
    ("e", "other", "en", "KR", "The creator app crashes on launch on my Galaxy S24 (Android 14) since this week."),
    ("praise", "other", "en", "US", "Huge thanks for the new editor, it cut my editing time in half."),
    ("praise", "other", "pt", "BR", "Adorei as novas ferramentas de edição, parabéns ao time!"),
    ("noise", "account", "en", "US", "How do I change my handle without losing my verification badge?"),
]

# Openers and closers that real people put around the same complaint.
PAIN_OPENERS = ["", "", "", "", "Ugh. ", "Honestly ", "Seriously, ", "Hey devs, ", "Sigh. ", "Not happy. ", "wtf ", "So... "]
PAIN_CLOSERS = ["", "", "", "", " Fix it!!!", " pls fix", " 😡", " 1 star until it's fixed.", " so annoying",
                " Uninstalling.", " smh", " 🙄", " Please fix asap.", "!!!", " 😤", " Disappointed."]
PAIN_CONTEXT = [
    "I've reinstalled twice and it didn't help.",
    "Support never answered my ticket.",
    "This started a couple of weeks ago.",
    "I used to love this app.",
    "My friends have the same problem.",
    "I'm on the latest version.",
    "Tried clearing the cache, nothing changed.",
    "It was fine a month ago.",
    "I've been using Clipstream for two years and this is the worst it's been.",
    "Really hope someone reads this.",
    "Same thing on my partner's phone.",
    "I restarted my phone too, no luck.",
]
WISH_CLOSERS = ["", "", "", " 🙏", " Thanks!", " please!", " That's all.", "!!", " Otherwise great app."]
PRAISE_CLOSERS = ["", "", "", " ❤️", " Keep it up!", " 🔥🔥", " Thanks devs!", " 😊", "!!"]

TITLES = {
    "a": ["Login loop", "Keeps logging me out", "Can't log in", "Verification code???", "Locked out",
          "Logged out after update", "Broken login", "Sign in issue", "Where is my code"],
    "b": ["Uploads broken", "Stuck processing", "Upload fails", "Can't post", "Processing forever"],
    "c": ["Battery drain", "Phone gets hot", "Kills my battery", "Overheating"],
    "d": ["Too many ads", "Ads ads ads", "Unskippable ads", "Ad overload"],
    "e": ["Crashes on launch", "Won't open", "Crashing", "Closes immediately"],
    "f": ["Audio out of sync", "Sound delay", "Lip sync broken"],
    "g": ["Dark mode please", "Needs dark mode", "Dark theme"],
    "h": ["Upload quality", "Please support 4K", "Blurry videos"],
    "i": ["Better creator stats", "Analytics please"],
    "praise": ["Love it", "Great app", "Best editor", "Amazing", "So fun", "Five stars", "Love the editing tools"],
    "noise": ["Question", "Hmm", "ok", "Help", "?"],
}

# ---------------------------------------------------------------------------------------------------------------
# Generator. Everything below turns the hand-written texts above into the export formats; all randomness comes
# from one seeded random.Random, so the same script writes byte-identical files.
# ---------------------------------------------------------------------------------------------------------------

SEED = 20261126
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Samples"
UTC = dt.timezone.utc
START = dt.datetime(2026, 9, 1, tzinfo=UTC)
END = dt.datetime(2026, 11, 26, 23, 59, 59, tzinfo=UTC)
UPDATE_DAY = dt.datetime(2026, 10, 20, tzinfo=UTC)  # 34.2.0 shipped 2026-10-19; complaints rise from the 20th
PACKAGE = "com.clipstream.app"
APP_ID = "1488123456"
VERSIONS = [  # (name, release date)
    ("34.0.2", dt.datetime(2026, 8, 18, tzinfo=UTC)),
    ("34.1.0", dt.datetime(2026, 9, 14, tzinfo=UTC)),
    ("34.1.1", dt.datetime(2026, 10, 1, tzinfo=UTC)),
    ("34.2.0", dt.datetime(2026, 10, 19, tzinfo=UTC)),
    ("34.2.1", dt.datetime(2026, 11, 3, tzinfo=UTC)),
    ("34.2.2", dt.datetime(2026, 11, 17, tzinfo=UTC)),
]
PAINS = {"a", "b", "c", "d", "e", "f"}
WISHES = {"g", "h", "i"}
THEME_NAMES = {
    "a": "login loop / logged out after 34.2.0", "b": "video upload stuck / fails", "c": "battery drain / phone hot",
    "d": "too many / unskippable ads", "e": "crash on startup (Android 14, Samsung)", "f": "audio out of sync",
    "g": "wish: dark mode", "h": "wish: 1080p / 4K quality", "i": "wish: creator analytics",
    "praise": "praise", "noise": "noise and questions",
}
rng = random.Random(SEED)


class Snippet:
    """One piece of feedback text with the theme it was planted for."""

    def __init__(self, theme, text, lang="en", after_update=False):
        self.theme, self.text, self.lang, self.after_update = theme, text, lang, after_update
        self.date = None
        self.channel = None


def typo(text):
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def close(text, closer):
    """Appends a closer; a closer that starts a new sentence gets the full stop people usually type."""
    if closer[:2].strip() and closer[1:2].isupper() and text[-1] not in ".!?)":
        text += rng.choice([".", ".", "!", ""])
    return text + closer


def dress_pain(core, long=False):
    text = rng.choice(PAIN_OPENERS) + core
    if long or rng.random() < 0.25:
        if text[-1] not in ".!?":
            text += "."
        text += " " + " ".join(rng.sample(PAIN_CONTEXT, 2 if long else 1))
    text = close(text, rng.choice(PAIN_CLOSERS))
    roll = rng.random()
    if roll < 0.07:
        text = text.lower()
    elif roll < 0.12:
        text = typo(text)
    return text


def english_snippets():
    out = []
    for core in LOGIN_AFTER_UPDATE:
        out.append(Snippet("a", dress_pain(core), after_update=True))
    for core in LOGIN_BEFORE_UPDATE:
        out.append(Snippet("a", dress_pain(core)))
    for theme, pool in (("b", UPLOAD), ("c", BATTERY), ("d", ADS), ("e", CRASH), ("f", AUDIO)):
        for core in pool:
            out.append(Snippet(theme, dress_pain(core)))
    for theme, pool in (("g", DARK_MODE), ("h", QUALITY), ("i", ANALYTICS)):
        for core in pool:
            out.append(Snippet(theme, close(core, rng.choice(WISH_CLOSERS))))
    for core in PRAISE:
        out.append(Snippet("praise", close(core, rng.choice(PRAISE_CLOSERS))))
    for core in NOISE + QUESTIONS:
        out.append(Snippet("noise", core))
    return out


def other_language_snippets():
    return [Snippet(theme, text, lang, after_update=(theme == "a")) for theme, lang, text in OTHER_LANGUAGES]


# Channels: where a snippet can land. Fixed channels are filled exactly; optional ones take what is left.
FIXED = {"play": 109, "xml": 50, "jsonfeed": 30, "connect": 30, "q_reason": 45, "sm_frustrate": 32, "tf_csv": 25,
         "tf_json": 20}
OPTIONAL = {"q_improve": 45, "sm_add": 35}
WEIGHTS = {  # theme -> channel -> weight
    "a": dict(play=3, xml=2, jsonfeed=1, connect=1, q_reason=1, q_improve=.5, sm_frustrate=1.5, tf_csv=.5, tf_json=.5),
    "b": dict(play=2, xml=1, jsonfeed=.5, connect=.5, q_reason=.5, q_improve=.5, sm_frustrate=1.5, tf_csv=.5, tf_json=.5),
    "c": dict(play=2, xml=1.5, jsonfeed=1, connect=1, q_reason=1, q_improve=.5, sm_frustrate=1.5, tf_csv=1, tf_json=.5),
    "d": dict(play=2.5, xml=1.5, jsonfeed=1, connect=1, q_reason=1, q_improve=1, sm_frustrate=1.5, tf_csv=1, tf_json=.5),
    "e": dict(play=5, xml=.3, connect=.2, q_reason=.5, sm_frustrate=1, tf_csv=.3, tf_json=.3),
    "f": dict(play=1.5, xml=1, jsonfeed=.5, connect=.5, q_reason=.5, q_improve=.5, sm_frustrate=1, tf_csv=1, tf_json=1),
    "g": dict(play=1, xml=1, jsonfeed=.5, connect=.5, q_improve=2, sm_add=3, tf_csv=1, tf_json=.5),
    "h": dict(play=1, xml=.5, connect=.3, q_improve=1.5, sm_add=2, tf_csv=.5, tf_json=.5),
    "i": dict(play=.3, q_improve=1, sm_add=1.5, tf_csv=.5, tf_json=.5),
    "praise": dict(play=2, xml=2, jsonfeed=1.5, connect=1.5, q_reason=2.5, tf_csv=1.5, tf_json=1.5, q_improve=.1),
    "noise": dict(play=2, xml=1, jsonfeed=.5, connect=.5, q_reason=.3, q_improve=2, sm_add=1, sm_frustrate=.5, tf_csv=.3),
}
OTHER_LANGUAGE_WEIGHTS = dict(play=4, connect=2, q_reason=1, xml=.5, q_improve=.5, tf_csv=.5)


def weight(snippet, channel):
    w = WEIGHTS[snippet.theme].get(channel, 0)
    if snippet.lang != "en":
        w = w and OTHER_LANGUAGE_WEIGHTS.get(channel, 0)
    return w


def allocate(snippets):
    """Spreads the snippets over the channels: every fixed slot filled, leftovers to the optional survey columns."""
    capacity = dict(FIXED, **OPTIONAL)
    order = snippets[:]
    rng.shuffle(order)
    for s in order:
        options = [(c, weight(s, c) * capacity[c]) for c in capacity if capacity[c] > 0 and weight(s, c) > 0]
        total = sum(w for _, w in options)
        pick = rng.random() * total
        for c, w in options:
            pick -= w
            if pick <= 0:
                break
        s.channel = c
        capacity[c] -= 1
    for c in FIXED:
        while capacity[c] > 0:  # top up a fixed channel from the optional ones
            movable = [s for s in order if s.channel in OPTIONAL and weight(s, c) > 0]
            s = max(movable, key=lambda s: (weight(s, c), -order.index(s)))
            capacity[s.channel] += 1
            s.channel = c
            capacity[c] -= 1


WINDOWS = {  # when each source collected feedback
    "q_reason": (dt.datetime(2026, 10, 5, tzinfo=UTC), dt.datetime(2026, 11, 16, tzinfo=UTC)),
    "sm": (dt.datetime(2026, 10, 12, tzinfo=UTC), dt.datetime(2026, 11, 22, tzinfo=UTC)),
    "tf": (dt.datetime(2026, 9, 21, tzinfo=UTC), dt.datetime(2026, 11, 12, tzinfo=UTC)),
}


def channel_window(channel):
    if channel.startswith("q_"):
        return WINDOWS["q_reason"]
    if channel.startswith("sm_"):
        return WINDOWS["sm"]
    if channel.startswith("tf_"):
        return WINDOWS["tf"]
    return START, END


def random_time(lo, hi):
    return lo + dt.timedelta(seconds=rng.randrange(int((hi - lo).total_seconds())))


def assign_date(s, window=None):
    lo, hi = window or channel_window(s.channel or "play")
    if s.after_update:
        lo = max(lo, UPDATE_DAY)
    if s.theme == "a" and s.after_update:
        # Complaints pile up in the first two weeks after the release, then taper.
        if rng.random() < 0.6:
            hi = min(hi, UPDATE_DAY + dt.timedelta(days=14))
    elif s.theme == "a":
        hi = min(hi, UPDATE_DAY - dt.timedelta(hours=1))
    if hi <= lo:
        hi = lo + dt.timedelta(days=2)
    s.date = random_time(lo, hi)


def version_at(when, lag=True):
    current = [i for i, (_, day) in enumerate(VERSIONS) if day <= when][-1]
    if lag and current > 0 and rng.random() < 0.2:
        current -= 1
    return VERSIONS[current][0]


def star_rating(theme):
    if theme in PAINS:
        return rng.choice([1, 1, 1, 2, 2, 3])
    if theme in WISHES:
        return rng.choice([3, 4, 4, 5])
    if theme == "praise":
        return rng.choice([4, 5, 5, 5])
    return rng.choice([3, 4, 5])


def nps(theme):
    if theme in PAINS:
        return rng.choice([0, 1, 2, 3, 4, 5, 6])
    if theme in WISHES:
        return rng.choice([6, 7, 7, 8, 8])
    if theme == "praise":
        return rng.choice([9, 10, 10])
    return rng.choice([5, 7, 8])


def iso_z(when):
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def millis(when):
    return str(int(when.timestamp() * 1000))


def la_offset(when):
    """America/Los_Angeles offset: PDT until 2026-11-01 09:00 UTC, PST after."""
    return -8 if when >= dt.datetime(2026, 11, 1, 9, tzinfo=UTC) else -7


def denver_offset(when):
    return -7 if when >= dt.datetime(2026, 11, 1, 8, tzinfo=UTC) else -6


def local_iso(when, hours):
    tz = dt.timezone(dt.timedelta(hours=hours))
    return when.astimezone(tz).isoformat()


FIRST = ["maria", "kev", "sam", "jordan", "ana", "lucas", "priya", "tom", "zoe", "diego", "mia", "noah", "emma",
         "li", "yuki", "omar", "chloe", "ben", "ava", "raj", "lea", "finn", "nina", "jay", "ella", "marco"]
NICK_TAILS = ["", "_", ".", "x", "99", "2007", "_official", "clips", "vibes", "123", "_b", "edits", "lol", "23"]


def nickname():
    base = rng.choice(FIRST)
    style = rng.randrange(5)
    if style == 0:
        return base.capitalize() + rng.choice(["", " ", "_"]) + rng.choice(["K", "M.", "R", "S"])
    if style == 1:
        return base + rng.choice(NICK_TAILS) + str(rng.randrange(1, 999))
    if style == 2:
        return rng.choice(["Happy", "Tired", "Sunny", "Angry", "Just a", "Clip", "Real"]) + base.capitalize()
    if style == 3:
        return base.upper() + rng.choice(NICK_TAILS)
    return base + rng.choice(NICK_TAILS)


def token(n, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid4():
    h = "%032x" % rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


ANDROID_DEVICES = ["panther", "husky", "shiba", "a15", "OnePlus11", "lynx", "sweet", "moto g54 5G", "a53x",
                   "gta7lite", "RMX3630", "cheetah", "akita", "tokay", "2201117TY"]
SAMSUNG_ANDROID14 = ["dm1q", "dm3q", "a54x", "b0q", "r0s", "gts9", "a34x", "e1q", "r9q"]
PLAY_LANGS = {"en": "en", "es": "es", "de": "de", "pt": "pt", "hi-Latn": "en", "ja": "ja", "zh": "zh"}
REPLIES = {
    "a": "Sorry about the trouble signing in! We found the cause of the login loop in 34.2.0 and 34.2.1 fixes it. "
         "Please update and let us know if it still happens.",
    "b": "Thanks for reporting this. Please send the video's link to help@clipstream.example so we can see why "
         "processing stalled.",
    "c": "Thanks, we're looking into battery use during playback. Turning off 'Preload videos' in Settings helps meanwhile.",
    "d": "Thanks for the honest feedback. We're reviewing how often ads are shown.",
    "e": "Sorry it won't open! We're investigating startup crashes on Samsung devices with Android 14.",
    "praise": "Thank you so much! Happy editing 🎬",
}


def text_for_play(s, force_newline=False):
    text = s.text
    if force_newline and s.lang == "en":
        text = text.rstrip(".!") + ".\n" + rng.choice(PAIN_CONTEXT)
    return text


def write_play(snippets):
    header = ["Package Name", "App Version Code", "App Version Name", "Reviewer Language", "Device",
              "Review Submit Date and Time", "Review Submit Millis Since Epoch", "Review Last Update Date and Time",
              "Review Last Update Millis Since Epoch", "Star Rating", "Review Title", "Review Text",
              "Developer Reply Date and Time", "Developer Reply Millis Since Epoch", "Developer Reply Text",
              "Review Link"]
    rows, notes = [], []
    pains = [i for i, s in enumerate(snippets) if s.theme in PAINS and s.lang == "en"]
    newline_rows = set(rng.sample(pains, 3))
    bad_rating_row = rng.choice([i for i in pains if i not in newline_rows])
    for i, s in enumerate(snippets):
        version = version_at(s.date)
        major, minor, patch = (int(p) for p in version.split("."))
        device = rng.choice(SAMSUNG_ANDROID14) if s.theme == "e" and rng.random() < 0.8 else rng.choice(
            ANDROID_DEVICES + SAMSUNG_ANDROID14)
        updated = s.date + dt.timedelta(days=rng.randrange(3)) if rng.random() < 0.15 else s.date
        rating = star_rating(s.theme)
        if i == bad_rating_row:
            rating = 7
            notes.append(f"Star Rating 7 on the row dated {iso_z(s.date)} (text: {s.text[:40]!r}…)")
        title = rng.choice(TITLES[s.theme]) if rng.random() < 0.1 else ""
        reply = [""] * 3
        reply_text = REPLIES.get(s.theme)
        if reply_text and rng.random() < 0.2 and not (s.theme == "a" and s.date < VERSIONS[4][1]):
            when = s.date + dt.timedelta(hours=rng.randrange(6, 72))
            if when < END:
                reply = [iso_z(when), millis(when), reply_text]
        review_id = uuid4()
        corpus = "PUBLISHED_REPLIED_TO" if reply[0] else "PUBLISHED_NOT_REPLIED_TO"
        link = (f"https://play.google.com/console/developers/6204818342117734512/app/4973527716094826371/"
                f"user-feedback/review-details?reviewId={review_id}&corpus={corpus}")
        rows.append((s.date, [PACKAGE, str(major * 10000 + minor * 100 + patch), version, PLAY_LANGS[s.lang], device,
                              iso_z(s.date), millis(s.date), iso_z(updated), millis(updated), str(rating), title,
                              text_for_play(s, i in newline_rows)] + reply + [link]))
    # The empty review: a rating with no title and no text, as Play exports rating-only reviews.
    when = random_time(START, END)
    version = version_at(when)
    rows.append((when, [PACKAGE, str(340000 + int(version.split(".")[1]) * 100 + int(version.split(".")[2])), version,
                        "en", rng.choice(ANDROID_DEVICES), iso_z(when), millis(when), iso_z(when), millis(when), "4",
                        "", "", "", "", "", ""]))
    notes.append(f"empty Review Text and no Review Title on the row dated {iso_z(when)}")
    rows.sort(key=lambda r: r[0])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(r for _, r in rows)
    (OUT / "play-reviews.csv").write_bytes(b"\xff\xfe" + buffer.getvalue().encode("utf-16-le"))
    return len(rows), notes


def html_twin(title, text, author, rating, version):
    body = xml_escape(text).replace("\n", "<br/>")
    return (f'<table border="0" width="100%">\n<tr><td><b>{xml_escape(title)}</b><br/>'
            f'<font size="2">Rated {rating} of 5 · version {version} · by {xml_escape(author)}</font><br/>\n'
            f'<font size="2">{body}</font></td></tr>\n</table>')


def appstore_body(s):
    # App Store reviews run longer: pains get context sentences.
    if s.theme in PAINS and s.lang == "en" and rng.random() < 0.5:
        return s.text.rstrip() + (" " if s.text[-1] in ".!?" else ". ") + " ".join(rng.sample(PAIN_CONTEXT, 2))
    return s.text


def write_appstore_xml(snippets):
    snippets = sorted(snippets, key=lambda s: s.date, reverse=True)
    feed_url = f"https://itunes.apple.com/us/rss/customerreviews/id={APP_ID}/sortby=mostrecent/xml"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:im="http://itunes.apple.com/rss" xml:lang="en">',
           f"\t<id>{xml_escape(feed_url)}</id>", "\t<title>iTunes Store: Customer Reviews</title>",
           "\t<updated>2026-11-26T23:12:05-07:00</updated>",
           f'\t<link rel="alternate" type="text/html" href="https://apps.apple.com/us/app/clipstream/id{APP_ID}"/>',
           f'\t<link rel="self" href="{xml_escape(feed_url)}"/>',
           "\t<icon>http://itunes.apple.com/favicon.ico</icon>",
           "\t<author><name>iTunes Store</name><uri>http://www.apple.com/itunes/</uri></author>",
           "\t<rights>Copyright 2008 Apple Inc.</rights>",
           "\t<entry>",
           "\t\t<updated>2026-11-26T23:12:05-07:00</updated>",
           f'\t\t<id im:id="{APP_ID}" im:bundleId="com.clipstream.ios">https://apps.apple.com/us/app/clipstream/id{APP_ID}?uo=2</id>',
           "\t\t<title>Clipstream: Short Videos - Clipstream Labs Inc.</title>",
           "\t\t<summary>Make, edit and share short videos. Templates, music, effects &amp; captions.</summary>",
           "\t\t<im:name>Clipstream: Short Videos</im:name>",
           f'\t\t<link rel="alternate" type="text/html" href="https://apps.apple.com/us/app/clipstream/id{APP_ID}?uo=2"/>',
           '\t\t<im:contentType term="Application" label="Application"/>',
           '\t\t<category im:id="6016" term="Entertainment" scheme="https://apps.apple.com/us/genre/id6016?uo=2" label="Entertainment"/>',
           '\t\t<im:artist href="https://apps.apple.com/us/developer/id1488000001?uo=2">Clipstream Labs Inc.</im:artist>',
           '\t\t<im:price amount="0.00" currency="USD">Get</im:price>']
    for height in (53, 75, 100):
        out.append(f'\t\t<im:image height="{height}">https://is1-ssl.mzstatic.com/image/thumb/Purple/clipstream/'
                   f'{height}x{height}bb.png</im:image>')
    out += ["\t\t<rights>© 2026 Clipstream Labs Inc.</rights>",
            '\t\t<im:releaseDate label="March 3, 2020">2020-03-03T00:00:00-07:00</im:releaseDate>', "\t</entry>"]
    review_id = 11872000000
    for s in snippets:
        review_id += rng.randrange(1000, 90000)
        title = rng.choice(TITLES[s.theme])
        text = appstore_body(s)
        author = nickname()
        rating = star_rating(s.theme)
        version = version_at(s.date)
        votes = rng.choice([0, 0, 0, 0, 1, 2, 3, 7, 12])
        vote_sum = min(votes, rng.randrange(votes + 1) if s.theme not in PAINS else votes)
        out += ["\t<entry>",
                f"\t\t<updated>{local_iso(s.date, la_offset(s.date))}</updated>",
                f"\t\t<id>{review_id}</id>",
                f"\t\t<title>{xml_escape(title)}</title>",
                f'\t\t<content type="text">{xml_escape(text)}</content>',
                f'\t\t<content type="html">{xml_escape(html_twin(title, text, author, rating, version))}</content>',
                '\t\t<im:contentType term="Application" label="Application"/>',
                f"\t\t<im:voteSum>{vote_sum}</im:voteSum>",
                f"\t\t<im:voteCount>{votes}</im:voteCount>",
                f"\t\t<im:rating>{rating}</im:rating>",
                f"\t\t<im:version>{version}</im:version>",
                f"\t\t<author><name>{xml_escape(author)}</name><uri>https://itunes.apple.com/us/reviews/id{rng.randrange(10**8, 10**9)}</uri></author>",
                f'\t\t<link rel="related" href="https://itunes.apple.com/us/review?id={APP_ID}&amp;type=Purple%20Software"/>',
                "\t</entry>"]
    out.append("</feed>")
    (OUT / "appstore-feed.xml").write_text("\n".join(out) + "\n", encoding="utf-8")
    return len(snippets)


def label(value):
    return {"label": value}


def write_appstore_json(snippets):
    snippets = sorted(snippets, key=lambda s: s.date, reverse=True)
    entries = []
    review_id = 11990000000
    for s in snippets:
        review_id += rng.randrange(1000, 90000)
        votes = rng.choice([0, 0, 0, 1, 4])
        entries.append({
            "author": {"uri": label(f"https://itunes.apple.com/us/reviews/id{rng.randrange(10**8, 10**9)}"),
                       "name": label(nickname()), "label": ""},
            "updated": label(local_iso(s.date, la_offset(s.date))),
            "im:rating": label(str(star_rating(s.theme))),
            "im:version": label(version_at(s.date)),
            "id": label(str(review_id)),
            "title": label(rng.choice(TITLES[s.theme])),
            "content": {"label": appstore_body(s), "attributes": {"type": "text"}},
            "link": {"attributes": {"rel": "related",
                                    "href": f"https://itunes.apple.com/us/review?id={APP_ID}&type=Purple%20Software"}},
            "im:voteSum": label(str(rng.randrange(votes + 1))),
            "im:contentType": {"attributes": {"term": "Application", "label": "Application"}},
            "im:voteCount": label(str(votes)),
        })
    base = f"https://itunes.apple.com/us/rss/customerreviews"
    feed = {"feed": {
        "author": {"name": label("iTunes Store"), "uri": label("http://www.apple.com/itunes/")},
        "entry": entries,
        "updated": label("2026-11-26T23:14:41-07:00"),
        "rights": label("Copyright 2008 Apple Inc."),
        "title": label("iTunes Store: Customer Reviews"),
        "icon": label("http://itunes.apple.com/favicon.ico"),
        "link": [{"attributes": {"rel": "alternate", "type": "text/html",
                                 "href": "https://music.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc=us&id=1"}},
                 {"attributes": {"rel": "self", "href": f"{base}/id={APP_ID}/sortby=mostrecent/json"}},
                 {"attributes": {"rel": "first", "href": f"{base}/page=1/id={APP_ID}/sortby=mostrecent/json"}},
                 {"attributes": {"rel": "last", "href": f"{base}/page=1/id={APP_ID}/sortby=mostrecent/json"}}],
        "id": label(f"{base}/id={APP_ID}/sortby=mostrecent/json"),
    }}
    (OUT / "appstore-feed.json").write_text(json.dumps(feed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(entries)


TERRITORY = {"en": ["USA", "USA", "USA", "GBR", "CAN", "AUS"], "es": ["MEX", "ESP", "USA", "COL"], "de": ["DEU", "AUT"],
             "pt": ["BRA", "PRT"], "hi-Latn": ["IND"], "ja": ["JPN"], "zh": ["TWN", "SGP"]}


def write_connect(snippets):
    snippets = sorted(snippets, key=lambda s: s.date, reverse=True)
    data = []
    api = "https://api.appstoreconnect.apple.com/v1"
    for s in snippets:
        rid = "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
                                             rng.getrandbits(16), rng.getrandbits(48))
        data.append({
            "type": "customerReviews", "id": rid,
            "attributes": {"rating": star_rating(s.theme), "title": rng.choice(TITLES[s.theme]), "body": appstore_body(s),
                           "reviewerNickname": nickname(), "createdDate": local_iso(s.date, la_offset(s.date)),
                           "territory": rng.choice(TERRITORY[s.lang])},
            "relationships": {"response": {"links": {
                "self": f"{api}/customerReviews/{rid}/relationships/response",
                "related": f"{api}/customerReviews/{rid}/response"}}},
            "links": {"self": f"{api}/customerReviews/{rid}"},
        })
    doc = {"data": data, "links": {"self": f"{api}/apps/{APP_ID}/customerReviews?sort=-createdDate&limit=50"},
           "meta": {"paging": {"total": len(data), "limit": 50}}}
    (OUT / "appstore-connect.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(data)


def pair_up(primary, secondary):
    """Pairs each primary answer with at most one secondary answer from the same respondent."""
    secondary = secondary[:]
    rng.shuffle(secondary)
    pairs = [[p, None] for p in primary]
    slots = list(range(len(pairs)))
    rng.shuffle(slots)
    for s, i in zip(secondary, slots):
        pairs[i][1] = s
    return pairs, secondary[len(pairs):]


QUALTRICS_PLACES = [(39.7392, -104.9903), (40.7128, -74.0060), (34.0522, -118.2437), (41.8781, -87.6298),
                    (19.4326, -99.1332), (52.5200, 13.4050), (-23.5505, -46.6333), (51.5072, -0.1276)]
FEATURES = ["Video editor", "Templates", "For You feed", "Messaging", "Live", "Music library", "Auto captions"]
QUALTRICS_LANG = {"en": "EN", "es": "ES", "de": "DE", "pt": "PT-BR", "hi-Latn": "EN", "ja": "JA", "zh": "ZH-S"}


def write_qualtrics(reasons, improves):
    pairs, extra = pair_up(reasons, improves)
    assert not extra, "more Q3 answers than respondents"
    for pair in pairs:
        pair[0].date = max(p.date for p in pair if p)
    pairs.sort(key=lambda p: p[0].date)
    ids = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
           "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
           "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage",
           "Q1", "Q2_TEXT", "Q3_TEXT", "Q4"]
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
             "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email",
             "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel",
             "User Language", "How likely are you to recommend Clipstream to a friend? (0-10)",
             "What is the main reason for your score?", "What one thing should we improve?",
             "Which features do you use most? - Selected Choice"]
    tz = '"timeZone":"America/Denver"'
    imports = ['{"ImportId":"startDate",%s}' % tz, '{"ImportId":"endDate",%s}' % tz, '{"ImportId":"status"}',
               '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}',
               '{"ImportId":"finished"}', '{"ImportId":"recordedDate",%s}' % tz, '{"ImportId":"_recordId"}',
               '{"ImportId":"recipientLastName"}', '{"ImportId":"recipientFirstName"}',
               '{"ImportId":"recipientEmail"}', '{"ImportId":"externalDataReference"}',
               '{"ImportId":"locationLatitude"}', '{"ImportId":"locationLongitude"}',
               '{"ImportId":"distributionChannel"}', '{"ImportId":"userLanguage"}', '{"ImportId":"QID1"}',
               '{"ImportId":"QID2_TEXT"}', '{"ImportId":"QID3_TEXT"}', '{"ImportId":"QID4"}']
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([ids, texts, imports])
    for reason, improve in pairs:
        start = reason.date
        duration = rng.randrange(45, 700)
        end = start + dt.timedelta(seconds=duration)
        fmt = lambda t: t.astimezone(dt.timezone(dt.timedelta(hours=denver_offset(t)))).strftime("%Y-%m-%d %H:%M:%S")
        lat, lon = rng.choice(QUALTRICS_PLACES)
        features = ",".join(sorted(rng.sample(FEATURES, rng.randrange(1, 4)), key=FEATURES.index))
        writer.writerow([fmt(start), fmt(end), "IP Address", f"203.0.113.{rng.randrange(1, 255)}", "100", str(duration),
                         "True", fmt(end + dt.timedelta(seconds=1)), "R_" + token(15, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"),
                         "", "", "", "", f"{lat + rng.uniform(-.05, .05):.4f}", f"{lon + rng.uniform(-.05, .05):.4f}",
                         "anonymous", QUALTRICS_LANG[reason.lang], str(nps(reason.theme)), reason.text,
                         improve.text if improve else "", features])
    (OUT / "qualtrics-survey.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return len(pairs)


def write_surveymonkey(frustrations, additions):
    respondents = []
    for f in frustrations:
        respondents.append([f, None])
    rng.shuffle(respondents)
    for k, a in enumerate(additions):
        if k < len(respondents) and rng.random() < 0.75:
            respondents[k][1] = a
        else:
            respondents.append([None, a])
    for r in respondents:
        r_date = max((s.date for s in r if s), default=None)
        r.append(r_date)
    respondents.sort(key=lambda r: r[2])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
                     "First Name", "Last Name", "Custom Data 1",
                     "How likely is it that you would recommend Clipstream to a friend or colleague?",
                     "What frustrates you most about Clipstream?", "What would you add to Clipstream?"])
    writer.writerow(["", "", "", "", "", "", "", "", "", "Response", "Open-Ended Response", "Open-Ended Response"])
    respondent = 118402736511
    for frustration, addition, start in respondents:
        respondent += rng.randrange(3000, 400000)
        end = start + dt.timedelta(seconds=rng.randrange(40, 500))
        local = lambda t: t.astimezone(dt.timezone(dt.timedelta(hours=la_offset(t)))).strftime("%m/%d/%Y %I:%M:%S %p")
        theme = frustration.theme if frustration else addition.theme
        writer.writerow([str(respondent), rng.choice(["431907256", "431907911"]), local(start), local(end),
                         f"198.51.100.{rng.randrange(1, 255)}", "", "", "", rng.choice(["inapp", "email", "inapp", ""]),
                         str(nps(theme)), frustration.text if frustration else "", addition.text if addition else ""])
    (OUT / "surveymonkey.csv").write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return len(respondents)


TYPEFORM_Q = ["How likely are you to recommend Clipstream to a friend?",
              "Tell us about your experience: what works, what doesn't?",
              "How would you rate the new video editor?"]


def editor_rating(theme):
    return rng.choice([4, 5]) if theme == "praise" else rng.choice([2, 3, 3, 4]) if theme in PAINS else rng.choice([3, 4, 5])


def write_typeform_csv(snippets):
    snippets = sorted(snippets, key=lambda s: s.date)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["#"] + TYPEFORM_Q + ["Start Date (UTC)", "Submit Date (UTC)", "Network ID"])
    for s in snippets:
        started = s.date - dt.timedelta(seconds=rng.randrange(30, 400))
        writer.writerow([token(32), str(nps(s.theme)), s.text, str(editor_rating(s.theme)),
                         started.strftime("%Y-%m-%d %H:%M:%S"), s.date.strftime("%Y-%m-%d %H:%M:%S"), token(10, "0123456789abcdef")])
    (OUT / "typeform.csv").write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return len(snippets)


def write_typeform_json(snippets):
    snippets = sorted(snippets, key=lambda s: s.date, reverse=True)  # the API lists newest first
    items = []
    for s in snippets:
        tok = token(32)
        landed = s.date - dt.timedelta(seconds=rng.randrange(30, 400))
        answers = [{"field": {"id": "kX3mQp8RtZ2a", "type": "long_text", "ref": "experience_text"},
                    "type": "text", "text": s.text},
                   {"field": {"id": "Vb7Lw2NcE9sd", "type": "opinion_scale", "ref": "recommend_score"},
                    "type": "number", "number": nps(s.theme)}]
        if rng.random() < 0.5:
            answers.reverse()  # Typeform orders answers as answered, so the order varies
        items.append({"landing_id": tok, "token": tok, "response_id": tok,
                      "landed_at": iso_z(landed), "submitted_at": iso_z(s.date),
                      "metadata": {"user_agent": rng.choice([
                          "Mozilla/5.0 (iPhone; CPU iPhone OS 19_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
                          "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"]),
                          "platform": "mobile", "referer": "https://clipstream.typeform.com/to/cS7fQx2L",
                          "network_id": token(10, "0123456789abcdef"), "browser": "default"},
                      "hidden": {}, "calculated": {"score": 0}, "answers": answers})
    doc = {"total_items": len(items), "page_count": 1, "items": items}
    (OUT / "typeform-responses.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(items)


HANDLE_WORDS = ["daily", "cooks", "travels", "beats", "skate", "makeup", "fit", "garden", "cats", "tech", "comedy",
                "dance", "study", "diy", "drone", "chess", "vegan", "retro", "surf", "paint"]


def write_creators():
    lines, notes, snippets = [], [], []
    broken = 27
    lots = 11
    for n, (theme, category, lang, country, text) in enumerate(CREATOR_MESSAGES):
        s = Snippet(theme, text, lang, after_update=(theme == "a" or "34.2" in text))
        s.channel = "creator"
        assign_date(s, (START, END))
        snippets.append(s)
    snippets.sort(key=lambda s: s.date)
    by_text = {m[4]: m for m in CREATOR_MESSAGES}
    for n, s in enumerate(snippets):
        theme, category, lang, country, text = by_text[s.text]
        record = {"creator_id": f"c_{1000 + rng.randrange(9000)}",
                  "handle": "@" + rng.choice(FIRST) + rng.choice(["", ".", "_"]) + rng.choice(HANDLE_WORDS),
                  "follower_count": int(rng.choice([1.2e3, 8e3, 2.4e4, 6.1e4, 1.82e5, 4.4e5, 1.3e6, 2.4e6]) * rng.uniform(.8, 1.2)),
                  "category": category, "message": text,
                  "submitted_at": iso_z(s.date.replace(second=0)),
                  "app_version": version_at(s.date),
                  "platform": rng.choice(["android", "ios"]), "country": country}
        if "iOS" in text:
            record["platform"] = "ios"
        if "Galaxy" in text or "Android works" in text:
            record["platform"] = "android" if "Galaxy" in text else "ios"
        line = json.dumps(record, ensure_ascii=False)
        if n == lots:
            record["follower_count"] = "lots"
            line = json.dumps(record, ensure_ascii=False)
            notes.append(f'line {n + 1}: follower_count "lots" ({record["creator_id"]})')
        if n == broken:
            line = line[: line.index('"submitted_at"') - 3]  # cut mid-message: unterminated string, no closing brace
            notes.append(f"line {n + 1}: broken JSON, the object is cut off inside \"message\" ({record['creator_id']})")
        lines.append(line)
    (OUT / "creator-feedback.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines), notes, snippets


# ---------------------------------------------------------------------------------------------------------------
# Roadmap: covers a, b, d, f, g, i; deliberately not battery (c), startup crash (e) or download quality (h);
# two items nobody asks for.
# ---------------------------------------------------------------------------------------------------------------
ROADMAP = [
    dict(id="RM-101", title="Fix login loop and verification code delivery",
         description="Users are signed out after updating and one-time codes arrive late or never. Keep sessions "
                     "across updates, move SMS and email codes to a second provider, add a resend timer.",
         keywords=["login", "logged out", "sign in", "verification code", "session expired", "one-time code"],
         status="in_progress", target="2026-11-15", owner="Identity team",
         url="https://tracker.clipstream.example/browse/ID-412"),
    dict(id="RM-102", title="Resumable uploads and a faster processing queue",
         description="Uploads restart from zero when the network drops and videos wait in processing for hours. "
                     "Chunked resumable uploads, a retry button, and status messages that say what went wrong.",
         keywords=["upload", "processing", "upload failed", "retry", "stuck"],
         status="planned", target="2026-Q4", owner="Creator platform",
         url="https://tracker.clipstream.example/browse/CP-88"),
    dict(id="RM-103", title="Dark mode",
         description="A dark theme for the feed, editor and settings that follows the system appearance.",
         keywords=["dark mode", "dark theme", "night mode"],
         status="planned", target="2027-Q1", owner="Design systems",
         url="https://tracker.clipstream.example/browse/DS-17"),
    dict(id="RM-104", title="Creator analytics: retention and audience insights",
         description="Per-video audience retention curves, average view duration, follower demographics "
                     "(age, country) and when followers are online; CSV export.",
         keywords=["analytics", "retention", "audience", "demographics", "watch time", "stats"],
         status="exploring", target="2027-Q1", owner="Creator platform",
         url="https://tracker.clipstream.example/browse/CP-102"),
    dict(id="RM-105", title="Ad frequency cap and skippable ads",
         description="Cap ads per session, make every ad skippable after five seconds, and never show ads in the "
                     "editor.",
         keywords=["ads", "ad frequency", "unskippable", "skip ads", "advertising"],
         status="planned", target="2026-12-10", owner="Monetization",
         url="https://tracker.clipstream.example/browse/MON-231"),
    dict(id="RM-106", title="Audio and video sync in the player and editor",
         description="Fix audio drifting out of sync after trimming, with music tracks and with Bluetooth "
                     "headphones; check sync after server-side processing.",
         keywords=["audio", "sound", "out of sync", "lip sync", "audio delay"],
         status="in_progress", target="2026-Q4", owner="Media pipeline",
         url="https://tracker.clipstream.example/browse/MP-59"),
    dict(id="RM-107", title="AR stickers and face effects",
         description="Augmented-reality stickers that track faces and surfaces in the camera.",
         keywords=["ar", "stickers", "face effects", "augmented reality"],
         status="exploring", target="2027-Q2", owner="Camera team",
         url="https://tracker.clipstream.example/browse/CAM-14"),
    dict(id="RM-108", title="Smart TV app",
         description="Watch the feed on Android TV, Apple TV and Fire TV with a remote-friendly layout.",
         keywords=["tv", "smart tv", "apple tv", "android tv", "big screen"],
         status="exploring", target="2027-Q2", owner="Platforms",
         url="https://tracker.clipstream.example/browse/PLT-7"),
    dict(id="RM-109", title="Group chats in messages",
         description="Chat with up to 32 friends, share clips into a group and react to them.",
         keywords=["messages", "group chat", "dm"],
         status="planned", target="2027-Q1", owner="Social team",
         url="https://tracker.clipstream.example/browse/SOC-63"),
    dict(id="RM-110", title="Auto captions in 20 more languages",
         description="Automatic captions for Spanish, German, Portuguese, Hindi, Japanese and 15 more languages.",
         keywords=["captions", "subtitles", "languages"],
         status="shipped", target="2026-10-01", owner="Media pipeline",
         url="https://tracker.clipstream.example/browse/MP-41"),
]
ROADMAP_FIELDS = ["id", "title", "description", "keywords", "status", "target", "owner", "url"]


def yaml_scalar(value):
    """Quotes a YAML scalar only when plain style would change its meaning."""
    text = str(value)
    plain_ok = (text and text == text.strip() and not any(c in text for c in ":#{}[],&*!|>'\"%@`")
                and text.lower() not in ("yes", "no", "true", "false", "on", "off", "null", "~")
                and not text[0].isdigit() and not text.startswith("-"))
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def write_roadmap():
    lines = ["# Clipstream product roadmap (sample for sift). Written for sift; fictional.", ""]
    for item in ROADMAP:
        lines.append(f"- id: {yaml_scalar(item['id'])}")
        for field in ROADMAP_FIELDS[1:]:
            value = item[field]
            if isinstance(value, list):
                lines.append(f"  {field}:")
                lines += [f"    - {yaml_scalar(v)}" for v in value]
            else:
                lines.append(f"  {field}: {yaml_scalar(value)}")
    (OUT / "roadmap.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ROADMAP_FIELDS)
    for item in ROADMAP:
        writer.writerow([";".join(item[f]) if isinstance(item[f], list) else item[f] for f in ROADMAP_FIELDS])
    (OUT / "roadmap.csv").write_text(buffer.getvalue(), encoding="utf-8", newline="")
    (OUT / "roadmap.json").write_text(json.dumps(ROADMAP, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


FILES = [  # file, format name, what it is, channels
    ("play-reviews.csv", "Google Play Console reviews CSV",
     "UTF-16LE with BOM, CRLF, 16 columns; titles mostly empty; quoted texts with commas, quotes and newlines; "
     "some developer replies", ["play"]),
    ("appstore-feed.xml", "App Store customer-reviews feed (Atom XML)",
     "plus a first entry of app metadata (no rating, no content) that is not a review; each review has content type=text and an HTML twin",
     ["xml"]),
    ("appstore-feed.json", "App Store customer-reviews feed (JSON)",
     "feed.entry[], every value wrapped as {\"label\": …}, numbers as strings", ["jsonfeed"]),
    ("appstore-connect.json", "App Store Connect API customerReviews",
     "data[].attributes {rating, title, body, reviewerNickname, createdDate, territory}", ["connect"]),
    ("qualtrics-survey.csv", "Qualtrics CSV export",
     "UTF-8 with BOM, CRLF, 3 header rows; Q1 NPS 0-10, Q2_TEXT and Q3_TEXT open text (Q3 often blank), Q4 "
     "multi-select; times in America/Denver", ["q_reason", "q_improve"]),
    ("surveymonkey.csv", "SurveyMonkey CSV export",
     "2 header rows; NPS plus two open-ended questions (either may be blank); dates MM/DD/YYYY hh:mm:ss AM",
     ["sm_frustrate", "sm_add"]),
    ("typeform.csv", "Typeform CSV export",
     "#, opinion scale 0-10, long text, rating 1-5, Start/Submit Date (UTC), Network ID; LF line ends",
     ["tf_csv"]),
    ("typeform-responses.json", "Typeform responses API JSON",
     "items[].answers[] with long_text (text) and opinion_scale (number), in either order", ["tf_json"]),
    ("creator-feedback.jsonl", "Creator-portal feedback, JSON Lines",
     "creator_id, handle, follower_count, category, message, submitted_at, app_version, platform, country",
     ["creator"]),
]


def write_readme(counts, snippets, bad_notes):
    theme_order = list(THEME_NAMES)
    table = {f: {t: 0 for t in theme_order} for f, *_ in FILES}
    texts_per_file = {f: 0 for f, *_ in FILES}
    langs = {}
    after = before = 0
    for s in snippets:
        f = next(name for name, _, _, chans in FILES if s.channel in chans)
        table[f][s.theme] += 1
        texts_per_file[f] += 1
        langs[s.lang] = langs.get(s.lang, 0) + 1
        if s.theme == "a":
            after += s.date >= UPDATE_DAY
            before += s.date < UPDATE_DAY
    out = ["# Samples", "",
           "Realistic feedback for a fictional short-video app, **Clipstream** (Android package `com.clipstream.app`,",
           f"iOS app id {APP_ID}), dated 2026-09-01 to 2026-11-26, one file per input format sift reads. Every text",
           "was written for sift. Generated by `python3 scripts/make-samples.py` (seeded, byte-identical on rerun);",
           "edit the script, not the files.", "",
           "| file | format | records | feedback texts | notes |", "|---|---|---:|---:|---|"]
    for name, fmt, notes, _ in FILES:
        out.append(f"| `{name}` | {fmt} | {counts[name]} | {texts_per_file[name]} | {notes} |")
    out += ["", f"Records: {sum(counts.values())} rows/entries/responses/lines; feedback texts: {len(snippets)} "
            "(a survey response can carry two open-text answers; the Play row with empty text has none).",
            "Languages of the texts: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items(), key=lambda kv: -kv[1]))
            + " (`hi-Latn` = Hinglish).", "",
            "## Planted themes (texts per file)", "",
            "| theme | " + " | ".join(f"`{f}`" for f, *_ in FILES) + " | total |",
            "|---|" + "---:|" * (len(FILES) + 1)]
    for t in theme_order:
        row = [table[f][t] for f, *_ in FILES]
        out.append(f"| {t}: {THEME_NAMES[t]} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    out += ["",
            f"- (a) rises sharply after 34.2.0 (released 2026-10-19): {before} texts before 2026-10-20, {after} on or "
            "after it, most within two weeks of the release.",
            "- (b) is mostly creators (`creator-feedback.jsonl`, category `upload`); (e) is mostly Google Play, on "
            "Samsung devices with Android 14 (device codenames such as `dm1q`, `a54x`, `b0q`).",
            "- Wording varies on purpose: inflections, typos (`loging`, `batery`, `Adds`), caps, emoji, `!!!`.",
            "- Versions: 34.0.2 (2026-08-18), 34.1.0 (09-14), 34.1.1 (10-01), 34.2.0 (10-19), 34.2.1 (11-03), "
            "34.2.2 (11-17); about a fifth of reviews come from the previous version.",
            "", "## Deliberately bad records", "",
            "sift must reject each of these into `rejects.jsonl` (read = accepted + rejected), never drop it silently:", ""]
    out += [f"- `{f}`: {note}" for f, note in bad_notes]
    out += ["", "## Roadmap", "",
            "`roadmap.yaml`, `roadmap.csv` (keywords joined with `;`) and `roadmap.json` (a top-level array) hold the same",
            "10 items with `id, title, description, keywords, status, target, owner, url`. They cover login (a, RM-101),",
            "upload (b, RM-102), dark mode (g, RM-103), creator analytics (i, RM-104), ad load (d, RM-105) and audio",
            "sync (f, RM-106); RM-107 AR stickers, RM-108 Smart TV app and RM-109 group chats have no evidence;",
            "RM-110 (captions, shipped) only has praise. **Not covered**: battery drain (c), crash on startup (e),",
            "download/upload quality (h) — these should come out as uncovered pain points."]
    (OUT / "README.md").write_text("\n".join(out) + "\n", encoding="utf-8")


def main():
    OUT.mkdir(exist_ok=True)
    snippets = english_snippets() + other_language_snippets()
    allocate(snippets)
    for s in snippets:
        assign_date(s)
    by_channel = {}
    for s in snippets:
        by_channel.setdefault(s.channel, []).append(s)
    counts, bad = {}, []
    rows, notes = write_play(by_channel["play"])
    counts["play-reviews.csv"] = rows
    bad += [("play-reviews.csv", n) for n in notes]
    counts["appstore-feed.xml"] = write_appstore_xml(by_channel["xml"])
    counts["appstore-feed.json"] = write_appstore_json(by_channel["jsonfeed"])
    counts["appstore-connect.json"] = write_connect(by_channel["connect"])
    counts["qualtrics-survey.csv"] = write_qualtrics(by_channel["q_reason"], by_channel.get("q_improve", []))
    counts["surveymonkey.csv"] = write_surveymonkey(by_channel.get("sm_frustrate", []), by_channel.get("sm_add", []))
    counts["typeform.csv"] = write_typeform_csv(by_channel["tf_csv"])
    counts["typeform-responses.json"] = write_typeform_json(by_channel["tf_json"])
    lines, notes, creator_snippets = write_creators()
    counts["creator-feedback.jsonl"] = lines
    bad += [("creator-feedback.jsonl", n) for n in notes]
    write_roadmap()
    write_readme(counts, snippets + creator_snippets, bad)
    for name, *_ in FILES:
        print(f"{counts[name]:5d}  Samples/{name}")
    print(f"{len(snippets) + len(creator_snippets):5d}  feedback texts in all")


if __name__ == "__main__":
    main()
