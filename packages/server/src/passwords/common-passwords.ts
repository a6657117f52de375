/**
 * Some 1,600 passwords that top the published breach-frequency lists (whitespace
 * separated; compared case-insensitively). Rejected for new passwords with `form_password_pwned`.
 */
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890
michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan
jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou
2000 charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa
ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access
yankees 987654321 dallas austin thunder taylor matrix mobilemail mom monitor monitoring montana
moon moscow william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer
silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange
11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy
maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea smokey
steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar monster tigers
yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana
junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701
coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny edward
333333 oliver redsox player nikita knight fender barney midnight please brandy chicago badboy
slayer rangers charles angel flower bigdaddy rabbit wizard bigdick jasper enter rachel chris
steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn
fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321
12344321 golden 8675309 panther lauren angela bitch spanky thx1138 angels madison winston
shannon mike toyota blowjob jordan23 canada sophie Password apples dick tiger razz 123abc
pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpoo david danielle
159357 jackie 1990 123456a 789456 turtle horny abcd1234 scorpion qazwsxedc 101010 butter carlos
password1 dennis slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork
rainbow nathan john 1992 rocket viking redskins butthead asdfghjkl 1212 sierra peaches gemini
doctor wilson sandra helpme qwertyui victor florida dolphin pookie captain tucker blue liverpool
theman bandit dolphins maddog packers jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana
jeremy suckit stupid porn monica elephant giants jackass hotdog rosebud success debbie mountain
444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q albert metallic lucky azerty 7777 shithead
alex bond007 alexis 1111111 samson 5150 willie scorpio bonnie gators benjamin voodoo driver
dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112 1989 asdfghjk red123
blessed 1q2w3e jesus jesus1 bubbles superstar power123 loveme1 babygirl babygirl1 lovely
lovely1 iloveyou1 iloveyou2 princess1 sunshine1 monkey1 charlie1 football1 baseball1 soccer1
michael1 jessica1 ashley1 nicole1 daniel1 michelle1 angel1 anthony1 joshua1 hello1 hello123
welcome1 welcome123 letmein1 letmein123 master1 shadow1 dragon1 superman1 batman1 trustno1!
password12 password123 password1234 password2 password! password01 passw0rd p@ssword p@ssw0rd
pa55word pa55w0rd passwort motdepasse contraseña senha parola wachtwoord salasana haslo
qwerty1 qwerty12 qwerty1234 qwertyu qwerty12345 qwertz qwertzuiop azertyuiop ytrewq asdasd
asdasd123 asd123 asdf1234 asdfg zxcv zxcvb zxcvbn123 zaq12wsx zaq1zaq1 zaq1xsw2 1qazxsw2
!qaz2wsx 1qaz!qaz 2wsx3edc 3edc4rfv qweasd qweasdzxc qweqwe qwe123 qwe123qwe 1qa2ws3ed
abcdef abcdefg abcdefgh abc12345 abcd123 abc123456 a123456 a12345 a1b2c3 a1b2c3d4 aa123456
aaaa aaaaaaaa abcabc 123abc123 1a2b3c 1a2b3c4d 12qwaszx 12qw12qw 1234abcd 123456abc
123456789a 12345678a 1234567a 12345qwert 12345qwerty 123qweasd 123qweasdzxc 123456qwerty
1234554321 123454321 1234512345 123456654321 1122334455 11223344 1122 1212312121 0987654321
09876543 098765 0123456789 01234567 012345 00000000 0000000 00000 7654321 87654321
123 1234512 12345678910 123456789101 1234567891 12345678901 123456780 123456788 123456123
1231234 12321 123321123 147258 147258369 1472583690 147852 147852369 159951 159357456
741852963 789789 789456123 963852741 951753 852456 456789 456123 321321 321654 314159
112233445566 121314 131415 1313 6969 4444 5555 2222 3333 9999 88888 77777 66666 99999 22222
33333 44444 111222 111000 100200 101101 110110 123000 1000000 1010 1qaz 2580 1357 13579
135790 246810 2468 24680 98765 9876543210 999999999 11112222 12121212 13131313 123123a
aaaa1111 1111aaaa q12345 q123456 q1w2e3r4t5y6 qwer qwert qwert123 qwerasdf qwertasdf
iloveu iloveyou! iluvyou ilovegod ilovejesus ilovemom loveyou love123 love1234 lovelove
loveme lover loving lovers1 loveu sweetheart sweetie sweetpea honey honeybee cutie cutiepie
beautiful gorgeous pretty precious angel123 angelina angelo babyboy baby123 baby babydoll
bubba bubba1 buddy buddy1 budlight buster1 butterfly cheyenne chocolate cinderella cupcake
daisy destiny diamonds dolphin1 dreams emily emmanuel estrella fairy flowers friends friendship
goodluck happy happy123 happiness heart hearts hottie jasmine1 jennifer1 kitten kitty lollipop
lovebug marie mermaid miracle pink princesa rainbow1 rose roses sakura sparkle starlight
strawberry sunflower sweet tinkerbell unicorn valentine vanessa violet
admin admin123 admin1 admin1234 administrator root root123 toor user user123 guest guest123
test123 test1 test1234 testing testtest demo demo123 default changeme changeme123 secret123
temp temp123 temppass system sysadmin manager service support operator webmaster web login
login123 letmein! access14 master123 masterkey server oracle mysql postgres database backup
private public office office123 company business network internet1 computer1 windows
microsoft apple apple123 google google123 facebook yahoo hotmail gmail linkedin twitter
instagram myspace myspace1 youtube netflix amazon iphone android samsung1 nokia sony blackberry
dell lenovo ubuntu linux unix cisco router wireless wifi1234 modem
master12 superman123 batman123 spiderman ironman hulk wolverine avengers marvel starwars1
jedi yoda skywalker darthvader vader chewbacca pikachu naruto sasuke goku dragonball
onepiece zelda mario luigi sonic minecraft fortnite roblox pokemon1 warcraft starcraft diablo2
halo counter gamer gaming playstation xbox360 nintendo matrix1 neo morpheus trinity hobbit
frodo gollum legolas aragorn hermione harrypotter potter hogwarts voldemort gryffindor
batman1 joker catwoman robin superman2 flash aquaman greenlantern
football2 soccer12 baseball2 basketball hockey1 golf golfing tennis1 boxing karate ninja
runner racing racecar nascar1 ferrari1 porsche1 mustang1 corvette1 camaro1 chevy chevrolet
ford honda honda1 toyota1 nissan mazda bmw mercedes1 audi volvo jeep harley1 yamaha1 suzuki
kawasaki ducati
yankees1 redsox1 lakers1 celtics bulls chicago1 cubs packers1 steelers1 cowboys1 eagles1
giants1 raiders1 patriots broncos dolphins1 chiefs bears vikings ravens saints seahawks
chelsea1 arsenal1 liverpool1 manchester manutd united1 barcelona realmadrid juventus milan
ronaldo messi beckham jordan1 kobe lebron tiger1
mike123 john123 david123 alex123 chris123 james1 robert1 william1 thomas1 richard1 charles1
joseph1 andrew1 matthew1 jonathan1 justin1 brandon1 tyler jacob ethan logan ryan kevin brian
eric steve steven1 scott jeff mark paul peter frank tony ricky bobby billy jimmy tommy danny
sammy johnny1 eddie charlie123 max maxwell1 jack jake luke adam aaron alexander benjamin1
christian christopher cody connor dylan gabriel hunter1 ian isaac jayden jose juan kyle
lucas nathan1 noah owen sean spencer travis zachary
sarah jessica123 amanda1 ashley123 brittany caroline catherine chloe christina courtney
elizabeth emma grace hannah1 isabella jenny julia julie karen kate katie kelly kimberly laura
linda lisa lucy maria mary megan melanie melissa1 michelle123 natalie olivia patricia rachel1
rebecca sabrina samantha1 sandra1 sara sophia stephanie susan tanya tiffany1 veronica
whitney
monkey123 monkey12 dragon123 shadow123 master1234 killer123 hunter123 tigger1 tigger123
cookie1 pepper1 ginger1 maggie1 buster123 bailey1 rocky rocky1 lucky1 lucky7 lucky13 coco
bella molly lady sadie sophie1 toby sam simba snoopy1 snowball snowflake snowman spot
princess12 princess123 sunshine123 flower1 flowers1 butterfly1 rainbow123 summer1 summer123
summer2020 summer2021 summer2022 summer2023 summer2024 winter1 winter123 spring autumn fall
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday weekend holiday christmas
1980 1981 1982 1983 1984 1985 1986 1987 1988 1993 1994 1995 1996 1997 1998 1999 2001 2002
2003 2004 2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020
2021 2022 2023 2024 2025 2026
password2020 password2021 password2022 password2023 password2024 password2025 password2026
welcome2020 welcome2021 welcome2022 welcome2023 welcome2024 welcome2025 welcome2026
Password1 Password1! Password123 Password123! Password12 P@ssw0rd P@ssword1 P@55w0rd
Welcome1 Welcome123 Welcome1! Qwerty123 Qwerty1! Abc123 Abcd1234 Aa123456 Aa12345678
Summer2024 Summer2025 Spring2024 Spring2025 Winter2024 Winter2025 Autumn2024 Autumn2025
Admin123 Admin@123 admin@123 Test@123 test@123 Pass@123 pass@123 Pass1234 pass1234
pass123 pass12345 passpass password0 passcode passphrase passwd passwd1 mypassword
mypass mypass123 newpass newpass123 nopassword nopass secure secure123 security
freedom1 liberty justice peace peace123 faith hope trust trustme believe blessed1 blessing
god god123 godisgood jesus123 jesuschrist christ heaven angel12 church bible lord
praise grace1 amen saved savior holy
hello12 hello1234 helloworld hellokitty hi123 hiya howdy welcome12 goodbye bye123
whatever1 nothing nobody someone something anything everything forever1 always never
qwertyuiop1 asdfghjkl1 zxcvbnm1 1qazxsw23edc qazwsx123 qazwsx1 zaqxsw xswzaq
computer12 computer123 internet123 software hardware keyboard mouse monitor1 laptop
desktop printer scanner hacker hacked hackme hacking crack cracker pirate virus trojan
shit fuck fuckyou fuckyou1 fuckoff fucker fucking asshole bitch1 bastard damn dick1 pussy
pussy1 cock sex sexy sexy1 sexy123 sexygirl hot hotstuff horny1 naughty nasty kinky
boobs tits porn1 playboy playgirl penis vagina suckme
killer1 killme murder death deadman devil demon evil hell hell666 satan 666 lucifer
zombie vampire ghost skull reaper slayer1 venom toxic poison danger
warrior1 soldier army navy marines airforce sniper ranger1 commando rambo terminator
predator alien matrix2 gladiator spartan trojan1 viking1 knight1 dragon12 phoenix1 falcon1
eagle hawk raven wolf wolves lion tiger12 panther1 jaguar1 leopard cheetah bear bears1
shark whale dolphin12 turtle1 rabbit1 bunny horse horses pony donkey monkey2 gorilla
snake cobra python viper spider1 scorpion1 hornet wasp bee beetle
orange1 apple1 banana1 cherry lemon lime mango peach pear grape grapes strawberry1
blueberry coconut pineapple watermelon pumpkin potato tomato carrot pepper12
chocolate1 candy cookie123 cake cupcake1 pizza pizza123 burger hotdog1 taco sushi coffee1
tea beer whiskey vodka tequila wine martini bacon cheese1 butter1 milk
red blue1 green yellow1 purple1 black1 white silver1 gold golden1 pink1 brown orange12
azerty123 soleil bonjour chouchou doudou loulou marseille nicolas jetaime
hallo schatz fussball ficken sommer
ciao amore juventus1 napoli
hola amigo amigos españa mexico chivas america tequiero teamo
privet zaq12wsx1 qwerty7 1q2w3e4r5t6y
killer12 qwerty11 asdf123 zxc123 zxcasd qazxswedc poiuytrewq lkjhgfdsa mnbvcxz
rockyou rockstar rocknroll music music1 musician guitar1 piano drums singer dance dancer
dancing disco metal punk rapper hiphop jazz blues elvis beatles nirvana1 metallica
eminem 50cent tupac madonna britney
michael12 jordan12 jordan123 kobe24 lebron23 23232323 24242424 12121212a 1234567890a
987654321a qwerty123456 password12345 iloveyou123 princess13 sunshine12
superstar1 rockstar1 gangster thug thuglife player1 pimp baller money1 money123 cash
dollar rich richard12 million billion lottery winner1 lucky123
school student teacher college university education science physics math chemistry
biology history english french spanish german italian russian chinese japanese
america1 usa123 canada1 london1 paris newyork1 texas california florida1 boston1 chicago12
dallas1 miami vegas hollywood jersey brooklyn
family family1 mother1 father mom123 dad123 mommy daddy mama papa sister brother baby12
children kids home home123 house garden kitchen
tinkerbell1 barbie kitty123 hellokitty1 minnie mickey1 donald goofy pluto disney
frozen elsa nemo dory shrek simpsons bart homer scooby1 garfield snoopy12
charmed supernatural smallville lost24 friends1 seinfeld sopranos
justin123 selena miley hannahmontana taylorswift beyonce rihanna
`;

/** The common passwords, as written (see {@link isCommonPassword} for the lookup). */
export const COMMON_PASSWORDS: readonly string[] = LIST.split(/\s+/).filter(
  (entry) => entry.length > 0,
);
